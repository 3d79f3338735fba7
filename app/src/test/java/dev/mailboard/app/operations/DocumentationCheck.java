package dev.mailboard.app.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads README.md and docs/*.md of a repository and reports what they promise that does not hold: links to
 * missing files or headings, shell blocks that do not parse, commands naming tests, modules, scripts or
 * bench scenarios that do not exist, and tests named by the security page that do not exist. Each problem
 * is one line, {@code file:line: what}.
 */
final class DocumentationCheck {

    private static final Pattern FENCE = Pattern.compile("^\\s*(```+|~~~+)\\s*([A-Za-z0-9_+-]*).*$");
    private static final Pattern INLINE_LINK =
            Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final Pattern TEST_REFERENCE =
            Pattern.compile("^([A-Z][A-Za-z0-9]*(?:Tests|Test|Benchmark))(?:[.#]([a-z][A-Za-z0-9_]*))?(?:\\(\\))?$");
    private static final Pattern LINKED_CODE = Pattern.compile("\\[`([^`]+)`\\]\\(([^)\\s]+)\\)");
    private static final Pattern SCENARIO_NAME =
            Pattern.compile("String\\s+name\\(\\)\\s*\\{\\s*return\\s+\"([^\"]+)\"\\s*;");
    private static final Set<String> SCRIPTS = Set.of("./mvnw", "./run", "./bench/run");
    private static final Set<String> SHELL_LANGUAGES = Set.of("bash", "sh", "shell");
    private static final Set<String> OPERATORS = Set.of("&&", "||", "|", ";", "&", ">", ">>", "<", "2>", "2>&1");

    private final Path root;
    private final List<String> problems = new ArrayList<>();
    private final Map<Path, List<String>> lineCache = new HashMap<>();
    private final Map<String, List<Path>> testClasses;
    private final Set<String> benchScenarios;

    DocumentationCheck(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.testClasses = indexTestClasses();
        this.benchScenarios = readBenchScenarios();
    }

    /**
     * Finds the repository root from a directory inside it: the nearest directory, going up, with both
     * README.md and mvnw.
     */
    static Path findRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory with README.md and mvnw above " + start);
    }

    /** README.md and docs/*.md, in a stable order. */
    List<Path> documents() {
        List<Path> documents = new ArrayList<>();
        documents.add(root.resolve("README.md"));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.list(docs)) {
                files.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f))
                        .sorted()
                        .forEach(documents::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }

    List<String> checkLinks() {
        problems.clear();
        for (Path document : documents()) {
            List<String> lines = lines(document);
            boolean inFence = false;
            String fence = "";
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                Matcher fenceMatcher = FENCE.matcher(line);
                if (fenceMatcher.matches()) {
                    String marker = fenceMatcher.group(1);
                    if (!inFence) {
                        inFence = true;
                        fence = marker;
                    } else if (marker.startsWith(fence) && fenceMatcher.group(2).isEmpty()) {
                        inFence = false;
                    }
                    continue;
                }
                if (inFence) {
                    continue;
                }
                String text = withoutCodeSpansOutsideLinks(line);
                Matcher links = INLINE_LINK.matcher(text);
                while (links.find()) {
                    checkTarget(document, i + 1, links.group(1));
                }
                Matcher reference = REFERENCE_LINK.matcher(line);
                if (reference.matches()) {
                    checkTarget(document, i + 1, reference.group(1));
                }
            }
        }
        return List.copyOf(problems);
    }

    List<String> checkShellBlocks() {
        problems.clear();
        for (Path document : documents()) {
            for (Block block : shellBlocks(document)) {
                checkParses(document, block);
            }
        }
        return List.copyOf(problems);
    }

    List<String> checkCommands() {
        problems.clear();
        for (Path document : documents()) {
            for (Command command : commands(document)) {
                checkCommand(document, command);
            }
        }
        return List.copyOf(problems);
    }

    List<String> checkSecurityPage() {
        problems.clear();
        Path page = root.resolve("docs/security.md");
        if (!Files.isRegularFile(page)) {
            problems.add("docs/security.md: missing");
            return List.copyOf(problems);
        }
        List<String> lines = lines(page);
        int references = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher spans = CODE_SPAN.matcher(line);
            while (spans.find()) {
                Matcher reference = TEST_REFERENCE.matcher(spans.group(2).trim());
                if (reference.matches()) {
                    references++;
                    checkTestReference(page, i + 1, reference.group(1), reference.group(2));
                }
            }
            Matcher linked = LINKED_CODE.matcher(line);
            while (linked.find()) {
                Matcher reference = TEST_REFERENCE.matcher(linked.group(1).trim());
                if (reference.matches()) {
                    String target = stripAnchor(linked.group(2));
                    String expected = reference.group(1) + ".java";
                    if (!target.endsWith("/" + expected) && !target.equals(expected)) {
                        problems.add(where(page, i + 1) + "`" + linked.group(1) + "` links to " + target
                                + ", not to its own " + expected);
                    }
                }
            }
        }
        if (references == 0) {
            problems.add("docs/security.md: names no test (expected `Class.method` references)");
        }
        return List.copyOf(problems);
    }

    // --- links

    private void checkTarget(Path document, int line, String rawTarget) {
        String target = rawTarget.trim();
        if (target.isEmpty() || SCHEME.matcher(target).matches()) {
            return;
        }
        String anchor = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            anchor = target.substring(hash + 1);
            target = target.substring(0, hash);
        }
        int query = target.indexOf('?');
        if (query >= 0) {
            target = target.substring(0, query);
        }
        String decoded = URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path resolved;
        if (decoded.isEmpty()) {
            resolved = document;
        } else if (decoded.startsWith("/")) {
            resolved = root.resolve(decoded.substring(1)).normalize();
        } else {
            resolved = document.getParent().resolve(decoded).normalize();
        }
        if (!resolved.startsWith(root)) {
            problems.add(where(document, line) + "link " + rawTarget + " leaves the repository");
            return;
        }
        if (!Files.exists(resolved)) {
            problems.add(where(document, line) + "link target " + rawTarget + " does not exist (" + relative(resolved)
                    + ")");
            return;
        }
        if (anchor != null
                && !anchor.isEmpty()
                && resolved.getFileName().toString().endsWith(".md")) {
            Set<String> slugs = headingSlugs(resolved);
            String wanted = URLDecoder.decode(anchor, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            if (!slugs.contains(wanted)) {
                problems.add(where(document, line) + "link " + rawTarget + ": " + relative(resolved)
                        + " has no heading #" + anchor + " (headings: " + String.join(", ", slugs) + ")");
            }
        }
    }

    /** The anchors GitHub gives the headings of a Markdown file. */
    Set<String> headingSlugs(Path file) {
        Set<String> slugs = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : lines(file)) {
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(2));
                int count = seen.merge(slug, 1, Integer::sum);
                slugs.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return slugs;
    }

    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /** Code spans are not links, except as the text of one: blank those not right after a '['. */
    private static String withoutCodeSpansOutsideLinks(String line) {
        Matcher spans = CODE_SPAN.matcher(line);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (spans.find()) {
            out.append(line, last, spans.start());
            boolean linkText = spans.start() > 0 && line.charAt(spans.start() - 1) == '[';
            out.append(linkText ? spans.group() : " ".repeat(spans.group().length()));
            last = spans.end();
        }
        out.append(line.substring(last));
        return out.toString();
    }

    // --- shell blocks

    record Block(int firstLine, List<String> lines) {}

    List<Block> shellBlocks(Path document) {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = lines(document);
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String marker = open.group(1);
            String language = open.group(2).toLowerCase(Locale.ROOT);
            List<String> body = new ArrayList<>();
            int j = i + 1;
            while (j < lines.size() && !isClosing(lines.get(j), marker)) {
                body.add(lines.get(j));
                j++;
            }
            boolean shell = SHELL_LANGUAGES.contains(language)
                    || (language.isEmpty()
                            && firstCommandLine(body)
                                    .map(l -> l.startsWith("./") || l.startsWith("java "))
                                    .orElse(false));
            if (shell) {
                blocks.add(new Block(i + 2, dedent(body)));
            }
            i = j;
        }
        return blocks;
    }

    private static boolean isClosing(String line, String marker) {
        String trimmed = line.trim();
        return trimmed.startsWith(marker)
                && trimmed.replace(marker.substring(0, 1), "").isEmpty();
    }

    private static Optional<String> firstCommandLine(List<String> body) {
        return body.stream().map(String::trim).filter(l -> !l.isEmpty()).findFirst();
    }

    private static List<String> dedent(List<String> body) {
        int indent = body.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }

    private void checkParses(Path document, Block block) {
        Path script;
        try {
            script = Files.createTempFile("mailboard-doc-", ".sh");
            Files.write(script, block.lines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Process bash;
            try {
                bash = new ProcessBuilder("bash", "-n", script.toString())
                        .redirectErrorStream(true)
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "The docs check needs bash on the PATH to parse the shell blocks of the docs (bash -n),"
                                + " but it could not be started: " + e.getMessage(),
                        e);
            }
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!bash.waitFor(20, TimeUnit.SECONDS)) {
                bash.destroyForcibly();
                problems.add(where(document, block.firstLine()) + "bash -n did not finish");
                return;
            }
            if (bash.exitValue() != 0) {
                Matcher at = Pattern.compile(Pattern.quote(script.toString()) + ": line (\\d+): (.*)")
                        .matcher(output);
                if (at.find()) {
                    int line = block.firstLine() + Integer.parseInt(at.group(1)) - 1;
                    problems.add(where(document, line) + "shell block does not parse: " + at.group(2));
                } else {
                    problems.add(where(document, block.firstLine()) + "shell block does not parse: "
                            + output.replace(script.toString(), "block").strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(script);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    // --- commands

    record Command(int line, List<String> words) {}

    /** Commands in shell blocks (continuations joined, comments cut) and in code spans that run a ./script. */
    List<Command> commands(Path document) {
        List<Command> commands = new ArrayList<>();
        for (Block block : shellBlocks(document)) {
            StringBuilder logical = new StringBuilder();
            int start = -1;
            for (int k = 0; k < block.lines().size(); k++) {
                String line = block.lines().get(k);
                if (start < 0) {
                    start = block.firstLine() + k;
                }
                if (line.endsWith("\\")) {
                    logical.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                logical.append(line);
                addCommands(commands, start, logical.toString());
                logical.setLength(0);
                start = -1;
            }
            if (start >= 0) {
                addCommands(commands, start, logical.toString());
            }
        }
        List<String> lines = lines(document);
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            if (FENCE.matcher(lines.get(i)).matches()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher spans = CODE_SPAN.matcher(lines.get(i));
            while (spans.find()) {
                String code = spans.group(2).trim();
                if (looksLikeCommand(code)) {
                    addCommands(commands, i + 1, code);
                }
            }
        }
        return commands;
    }

    /**
     * A code span is a command when it starts with one of the repository's scripts, or with a ./path
     * followed by arguments; a lone ./path is more often a directory or file name (./data).
     */
    private static boolean looksLikeCommand(String code) {
        if (!code.startsWith("./")) {
            return false;
        }
        String program = code.split("\\s+", 2)[0];
        return SCRIPTS.contains(program) || code.contains(" ");
    }

    private static void addCommands(List<Command> commands, int line, String text) {
        List<String> words = new ArrayList<>();
        for (String word : words(text)) {
            if (word.startsWith("#")) {
                break;
            }
            if (OPERATORS.contains(word)) {
                if (!words.isEmpty()) {
                    commands.add(new Command(line, List.copyOf(words)));
                }
                words.clear();
                continue;
            }
            words.add(word);
        }
        if (!words.isEmpty()) {
            commands.add(new Command(line, List.copyOf(words)));
        }
    }

    /** Splits like a shell: whitespace separates, quotes group and are removed. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private void checkCommand(Path document, Command command) {
        List<String> words = command.words();
        int first = 0;
        while (first < words.size() && words.get(first).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            first++;
        }
        if (first >= words.size()) {
            return;
        }
        String program = words.get(first);
        if (!program.startsWith("./")) {
            return;
        }
        Path script = root.resolve(program.substring(2)).normalize();
        if (!Files.isRegularFile(script)) {
            problems.add(where(document, command.line()) + "script " + program + " does not exist");
            return;
        }
        if (!Files.isExecutable(script)) {
            problems.add(where(document, command.line()) + "script " + program + " is not executable");
        }
        List<String> arguments = words.subList(first + 1, words.size());
        if (program.equals("./mvnw")) {
            checkMaven(document, command.line(), arguments);
        } else if (program.equals("./bench/run")) {
            for (String argument : arguments) {
                if (!argument.startsWith("-") && !benchScenarios.contains(argument.toLowerCase(Locale.ROOT))) {
                    problems.add(where(document, command.line()) + "./bench/run has no scenario '" + argument
                            + "' (it accepts " + String.join(", ", benchScenarios) + ")");
                }
            }
        }
    }

    private void checkMaven(Path document, int line, List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            String modules = null;
            if ((argument.equals("-pl") || argument.equals("--projects")) && i + 1 < arguments.size()) {
                modules = arguments.get(++i);
            } else if (argument.startsWith("-pl") && argument.length() > 3) {
                modules = argument.substring(3);
            } else if (argument.startsWith("--projects=")) {
                modules = argument.substring("--projects=".length());
            } else if (argument.startsWith("-Dtest=")) {
                for (String entry : argument.substring("-Dtest=".length()).split(",")) {
                    checkTestPattern(document, line, entry.trim());
                }
            }
            if (modules != null) {
                for (String module : modules.split(",")) {
                    String name = module.replaceFirst("^[!-]", "").replaceFirst("^:", "");
                    if (!Files.isRegularFile(root.resolve(name).resolve("pom.xml"))) {
                        problems.add(where(document, line) + "-pl names module '" + module
                                + "', which has no pom.xml in the repository");
                    }
                }
            }
        }
    }

    private void checkTestPattern(Path document, int line, String entry) {
        if (entry.isEmpty()) {
            return;
        }
        String pattern = entry.startsWith("!") ? entry.substring(1) : entry;
        String method = null;
        int hash = pattern.indexOf('#');
        if (hash >= 0) {
            method = pattern.substring(hash + 1);
            pattern = pattern.substring(0, hash);
        }
        String simple = pattern.contains("/") ? pattern.substring(pattern.lastIndexOf('/') + 1) : pattern;
        if (simple.endsWith(".java")) {
            simple = simple.substring(0, simple.length() - 5);
        }
        if (!simple.contains("*") && !simple.contains("?") && simple.contains(".")) {
            simple = simple.substring(simple.lastIndexOf('.') + 1);
        }
        Pattern glob =
                Pattern.compile(simple.replace(".", "\\.").replace("?", ".").replace("*", ".*"));
        List<Path> classes = testClasses.entrySet().stream()
                .filter(e -> glob.matcher(e.getKey()).matches())
                .flatMap(e -> e.getValue().stream())
                .toList();
        if (classes.isEmpty()) {
            problems.add(where(document, line) + "-Dtest=" + entry + " matches no test class");
            return;
        }
        if (method != null && !method.contains("*") && !method.contains("?")) {
            String wanted = method;
            boolean found = classes.stream().anyMatch(c -> declaresMethod(c, wanted));
            if (!found) {
                problems.add(where(document, line) + "-Dtest=" + entry + ": no test method " + method);
            }
        }
    }

    // --- security page

    private void checkTestReference(Path page, int line, String className, String method) {
        List<Path> classes = testClasses.getOrDefault(className, List.of());
        if (classes.isEmpty()) {
            problems.add(where(page, line) + "test class " + className + " does not exist in the test sources");
            return;
        }
        if (method != null && classes.stream().noneMatch(c -> declaresMethod(c, method))) {
            problems.add(where(page, line) + "test method " + className + "." + method + " does not exist");
        }
    }

    private boolean declaresMethod(Path testClass, String method) {
        Pattern declaration = Pattern.compile("[\\w>\\]]\\s+" + Pattern.quote(method) + "\\s*\\(");
        return declaration.matcher(String.join("\n", lines(testClass))).find();
    }

    // --- indexes

    private Map<String, List<Path>> indexTestClasses() {
        Map<String, List<Path>> index = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path tests = module.resolve("src/test/java");
                if (!Files.isDirectory(tests)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(tests)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".java"))
                            .forEach(f -> index.computeIfAbsent(
                                            f.getFileName().toString().replace(".java", ""), k -> new ArrayList<>())
                                    .add(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index;
    }

    private Set<String> readBenchScenarios() {
        Set<String> names = new LinkedHashSet<>();
        Path sources = root.resolve("bench/src/main/java");
        if (!Files.isDirectory(sources)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher name = SCENARIO_NAME.matcher(Files.readString(file));
                while (name.find()) {
                    names.add(name.group(1).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    Set<String> benchScenarios() {
        return new HashSet<>(benchScenarios);
    }

    // --- helpers

    private List<String> lines(Path file) {
        return lineCache.computeIfAbsent(file, f -> {
            try {
                return Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String stripAnchor(String target) {
        int hash = target.indexOf('#');
        return hash >= 0 ? target.substring(0, hash) : target;
    }

    private String where(Path file, int line) {
        return relative(file) + ":" + line + ": ";
    }

    private String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
