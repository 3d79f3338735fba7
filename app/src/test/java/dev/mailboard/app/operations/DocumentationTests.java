package dev.mailboard.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs link only to things that exist, and their commands parse and name tests, modules, scripts and
 * bench scenarios that exist. Plain JUnit over README.md and docs/*.md of this repository, found from the
 * working directory (surefire runs in app/). The last test runs the same check over a small made-up
 * repository with one mistake of each kind, to show that each is found.
 */
class DocumentationTests {

    private static final DocumentationCheck DOCS =
            new DocumentationCheck(DocumentationCheck.findRoot(Path.of("").toAbsolutePath()));

    @Test
    void relativeLinksAndImagesPointAtFilesAndHeadingsThatExist() {
        assertNoProblems("links", DOCS.checkLinks());
    }

    @Test
    void everyShellBlockParsesWithBash() {
        assertNoProblems("shell blocks", DOCS.checkShellBlocks());
    }

    @Test
    void commandsNameTestsModulesScriptsAndBenchScenariosThatExist() {
        assertNoProblems("commands", DOCS.checkCommands());
    }

    @Test
    void theSecurityPageNamesTestsThatExistAndLinksEachToItsFile() {
        assertNoProblems("security page", DOCS.checkSecurityPage());
    }

    @Test
    void findsTheDocumentsAndTheBenchScenarios() {
        assertThat(DOCS.documents())
                .extracting(p -> p.getFileName().toString())
                .contains("README.md", "security.md", "operations.md", "development.md");
        assertThat(DOCS.benchScenarios()).contains("ack", "e2e", "catch-up");
    }

    @Test
    void githubSlugsDropPunctuationAndKeepHyphens() {
        assertThat(DocumentationCheck.slug("1. PostgreSQL")).isEqualTo("1-postgresql");
        assertThat(DocumentationCheck.slug("Rotation and rewrap (S-37)")).isEqualTo("rotation-and-rewrap-s-37");
        assertThat(DocumentationCheck.slug("Public API (`dev.mailboard.app.connections`)"))
                .isEqualTo("public-api-devmailboardappconnections");
        assertThat(DocumentationCheck.words("./mvnw -Dtest='A,B' \"-pl\" app"))
                .containsExactly("./mvnw", "-Dtest=A,B", "-pl", "app");
    }

    @Test
    void reportsEveryKindOfMistakeWithFileAndLine(@TempDir Path repo) throws IOException {
        Files.writeString(repo.resolve("mvnw"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(repo.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(repo.resolve("app/src/test/java/x"));
        Files.writeString(repo.resolve("app/pom.xml"), "<project/>");
        Files.writeString(
                repo.resolve("app/src/test/java/x/RealTests.java"), "class RealTests { @Test void works() {} }");
        Files.createDirectories(repo.resolve("bench/src/main/java/b"));
        Files.writeString(repo.resolve("bench/run"), "#!/bin/sh\n");
        Files.writeString(
                repo.resolve("bench/src/main/java/b/Ack.java"), "class Ack { String name() { return \"ack\"; } }");
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/other.md"), "# Other page\n\n## Set up\n");
        Files.writeString(
                repo.resolve("README.md"),
                String.join(
                        "\n",
                        "# Title",
                        "[fine](docs/other.md#set-up) and [broken](docs/missing.md)",
                        "![picture](docs/images/none.png) and [bad anchor](docs/other.md#nowhere)",
                        "```bash",
                        "./mvnw test -pl app,nothing -Dtest='RealTests#works,*Real*,GoneTests,RealTests#gone'",
                        "echo 'unclosed",
                        "```",
                        "Run `./bench/run ack fast` or `./missing-script --now` in `./data`.",
                        ""));
        Files.writeString(
                repo.resolve("docs/security.md"),
                String.join(
                        "\n",
                        "# Security",
                        "- [`RealTests.works`](../app/src/test/java/x/RealTests.java) holds.",
                        "- [`RealTests.gone`](../app/src/test/java/x/RealTests.java) and `MissingTests.any`.",
                        "- [`RealTests.works`](../app/src/test/java/x/OtherTests.java) links elsewhere.",
                        ""));

        DocumentationCheck check = new DocumentationCheck(repo);

        List<String> links = check.checkLinks();
        assertThat(links).hasSize(4);
        assertThat(links.get(0)).startsWith("README.md:2: ").contains("docs/missing.md");
        assertThat(links.get(1)).startsWith("README.md:3: ").contains("docs/images/none.png");
        assertThat(links.get(2))
                .startsWith("README.md:3: ")
                .contains("#nowhere")
                .contains("set-up");
        assertThat(links.get(3)).startsWith("docs/security.md:4: ").contains("OtherTests.java");

        List<String> shell = check.checkShellBlocks();
        assertThat(shell).singleElement().asString().startsWith("README.md:").contains("does not parse");

        List<String> commands = check.checkCommands();
        assertThat(commands)
                .anySatisfy(p -> assertThat(p).startsWith("README.md:5: ").contains("'nothing'"))
                .anySatisfy(p -> assertThat(p).startsWith("README.md:5: ").contains("GoneTests"))
                .anySatisfy(p -> assertThat(p).startsWith("README.md:5: ").contains("no test method gone"))
                .anySatisfy(p -> assertThat(p).startsWith("README.md:8: ").contains("'fast'"))
                .anySatisfy(p -> assertThat(p).startsWith("README.md:8: ").contains("./bench/run is not executable"))
                .anySatisfy(p -> assertThat(p).startsWith("README.md:8: ").contains("./missing-script"))
                .hasSize(6);

        List<String> security = check.checkSecurityPage();
        assertThat(security)
                .anySatisfy(
                        p -> assertThat(p).startsWith("docs/security.md:3: ").contains("RealTests.gone"))
                .anySatisfy(
                        p -> assertThat(p).startsWith("docs/security.md:3: ").contains("MissingTests"))
                .anySatisfy(
                        p -> assertThat(p).startsWith("docs/security.md:4: ").contains("OtherTests.java"))
                .hasSize(3);
    }

    private static void assertNoProblems(String what, List<String> problems) {
        assertThat(problems)
                .withFailMessage(() -> problems.size() + " problem(s) in the docs' " + what
                        + " (fix the docs, not the check):\n  " + String.join("\n  ", problems))
                .isEmpty();
    }
}
