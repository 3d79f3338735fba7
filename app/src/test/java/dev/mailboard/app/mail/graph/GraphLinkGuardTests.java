package dev.mailboard.app.mail.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Links from Graph are followed only to Graph itself (S-33). */
class GraphLinkGuardTests {

    private final LinkGuard microsoft =
            new LinkGuard(URI.create("https://graph.microsoft.com/v1.0"), "graph.microsoft.com");

    @Test
    void followsLinksToGraphOverHttps() {
        String link = "https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages/delta?$deltatoken=abc_-.123";

        assertThat(microsoft.check(link)).isEqualTo(URI.create(link));
        assertThat(microsoft.check("https://GRAPH.microsoft.com:443/v1.0/me/messages?$skip=10"))
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://graph.microsoft.com/v1.0/me/messages",
                "https://graph.microsoft.com.evil.example/v1.0/me/messages",
                "https://evil.example/v1.0/me/messages?host=graph.microsoft.com",
                "https://user@graph.microsoft.com/v1.0/me/messages",
                "https://graph.microsoft.com:8443/v1.0/me/messages",
                "https://graph.microsoft.com/beta/me/messages",
                "https://graph.microsoft.com/v1.0/../beta/me",
                "//graph.microsoft.com/v1.0/me/messages",
                "/v1.0/me/messages",
                "javascript:alert(1)",
                "https://graph.microsoft.com/v1.0/me messages"
            })
    void refusesEverythingElse(String link) {
        GraphException refused = catchThrowableOfType(GraphException.class, () -> microsoft.check(link));

        assertThat(refused.kind()).isEqualTo(GraphException.Kind.UNTRUSTED_LINK);
        assertThat(refused.getMessage()).doesNotContain("evil");
    }

    @Test
    void theSandboxBaseAllowsItsOwnHostPortAndPathOnly() {
        LinkGuard sandbox = new LinkGuard(URI.create("http://localhost:8080/sandbox/graph/v1.0"), "localhost");

        assertThat(sandbox.check("http://localhost:8080/sandbox/graph/v1.0/me/messages/delta?$skiptoken=x"))
                .isNotNull();
        assertThat(catchThrowableOfType(
                        GraphException.class, () -> sandbox.check("http://localhost:9090/sandbox/graph/v1.0/me")))
                .isNotNull();
        assertThat(catchThrowableOfType(
                        GraphException.class, () -> sandbox.check("http://localhost:8080/api/v1/boards")))
                .isNotNull();
    }
}
