package dev.mailboard.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * S-9, S-10: Mailboard asks only for delegated, least-privilege scopes. No main code, template or
 * configuration names a {@code *.ReadWrite}, {@code *.Shared} or app-only ({@code .default},
 * {@code *.All} application) permission.
 */
class ConnectScopesStaticTests {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(Mail|User|Calendars|Contacts|Files|Directory|MailboxSettings)\\.(ReadWrite|Read\\.Shared|Send\\.Shared|ReadWrite\\.Shared)\\b"
                    + "|\\b[A-Za-z]+\\.ReadWrite\\.All\\b|/\\.default\\b|\\bMail\\.Read\\.All\\b|\\bclient_credentials\\b");

    @Test
    void connectScopesAreTheDelegatedReadScopes() {
        assertThat(ProviderSettings.CONNECT_SCOPES)
                .containsExactly("openid", "offline_access", "User.Read", "Mail.Read");
        assertThat(ProviderSettings.SEND_SCOPE).isEqualTo("Mail.Send");
    }

    @Test
    void noMainSourceTemplateOrConfigurationAsksForBroaderPermissions() throws IOException {
        List<Path> roots = List.of(Path.of("src/main/java"), Path.of("src/main/jte"), Path.of("src/main/resources"));
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(java|jte|yml|yaml|properties|sql)"))
                        .toList()) {
                    String text = Files.readString(file);
                    assertThat(FORBIDDEN.matcher(text).find())
                            .as("%s names a broader permission", file)
                            .isFalse();
                }
            }
        }
    }
}
