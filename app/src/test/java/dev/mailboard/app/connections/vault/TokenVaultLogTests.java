package dev.mailboard.app.connections.vault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.mailboard.app.connections.vault.VaultFixture.account;
import static dev.mailboard.app.connections.vault.VaultFixture.connection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * No token, data key, keyset or Vault token appears in log output or exception messages, raw, URL-encoded
 * or base64, while the vault stores, reads, rotates, rewraps and destroys, and when those fail (covers
 * S-40, S-42, S-43). Loggers that could touch tokens run at DEBUG meanwhile.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenVaultLogTests {

    private static final Logger log = LoggerFactory.getLogger(TokenVaultLogTests.class);
    private static final String ACCESS = "canary-access-7f3a9c";
    private static final String REFRESH = "canary-refresh-2b8e41";
    private static final List<String> LOGGERS = List.of(
            "dev.mailboard", "org.springframework.web.client", "org.springframework.http", "org.springframework.jdbc");

    @RegisterExtension
    static WireMockExtension vault = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @TempDir
    Path dir;

    private final Map<String, Level> levels = new HashMap<>();
    private final List<String> exceptionTexts = new ArrayList<>();

    @BeforeEach
    void logEverything() {
        for (String name : LOGGERS) {
            ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
    }

    @AfterEach
    void restoreLevels() {
        levels.forEach(
                (name, level) -> ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }

    @Test
    void theLocalVaultLogsNoSecretInAnyFlow(CapturedOutput output) throws Exception {
        VaultFixture db = new VaultFixture();
        Path keysetFile = dir.resolve("token-keyset.json");
        VaultFixture.Vault local = db.localVault(keysetFile);
        AccountId account = account();
        ConnectionId connection = connection();

        StoredTokens stored = local.tokens().store(account, connection, canaryTokens());
        log.info("stored {}", stored);
        log.info("read {}", local.tokens().find(account, connection).orElseThrow());
        local.rotation().rotate();
        local.rotation().rewrap();
        expectFailure(() -> local.tokens().replace(account, connection, 99, canaryTokens()));
        db.jdbc.sql("update connection_token set access_token = refresh_token").update();
        expectFailure(() -> local.tokens().find(account, connection));
        local.tokens().destroy(account, connection);
        String keyset = Files.readString(keysetFile);
        expectFailure(() -> TokenBackend.create(
                new ConnectionsProperties(
                        ConnectionsProperties.TokenStoreKind.DATABASE,
                        ConnectionsProperties.VaultMode.LOCAL,
                        keyset.substring(0, keyset.length() / 2),
                        null,
                        true,
                        false,
                        false,
                        vaultSettings()),
                db.jdbc,
                db.transactions,
                java.time.Clock.systemUTC()));

        assertThat(output.getAll()).contains("Generated a new token keyset").contains("Rotated the token");
        assertNoSecret(output, List.of(ACCESS, REFRESH, keyset, keyValue(keyset)));
    }

    @Test
    void theVaultAdaptersLogNoSecretInAnyFlow(CapturedOutput output) {
        VaultFixture db = new VaultFixture();
        TransitKekTests.stubKeyVersion(vault, 1);
        VaultFixture.Vault transit = db.vault(new TransitKek(
                TransitKekTests.httpTo(vault.baseUrl(), Duration.ofSeconds(3)), "transit", "mailboard-tokens"));
        AccountId account = account();
        ConnectionId connection = connection();

        transit.tokens().store(account, connection, canaryTokens());
        transit.tokens().find(account, connection);
        transit.rotation().rewrap();
        TokenVault kv = new TokenVault(new VaultKvTokenStore(
                TransitKekTests.httpTo(vault.baseUrl(), Duration.ofSeconds(3)), "secret", "mailboard/connections", 3));
        vault.stubFor(get(urlPathMatching("/v1/secret/metadata/.*")).willReturn(notFound()));
        vault.stubFor(post(urlPathMatching("/v1/secret/metadata/.*"))
                .willReturn(aResponse().withStatus(204)));
        vault.stubFor(post(urlPathMatching("/v1/secret/data/.*")).willReturn(okJson("{\"data\":{\"version\":1}}")));
        vault.stubFor(get(urlPathMatching("/v1/secret/data/.*"))
                .willReturn(okJson("{\"data\":{\"data\":{\"account_id\":\"" + account.value()
                        + "\",\"connection_id\":\""
                        + connection.value() + "\",\"access_token\":\"" + ACCESS + "\",\"refresh_token\":\"" + REFRESH
                        + "\",\"scopes\":\"Mail.Read\"},\"metadata\":{\"version\":1}}}")));
        kv.store(account, connection, canaryTokens());
        log.info("read {}", kv.find(account, connection).orElseThrow());
        vault.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503).withBody("{\"errors\":[\"sealed\"]}")));
        vault.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withBody("{\"errors\":[\"sealed\"]}")));
        expectFailure(() -> transit.tokens().find(account, connection));
        expectFailure(() -> transit.tokens().store(account, connection(), canaryTokens()));
        expectFailure(() -> kv.store(account, connection, canaryTokens()));
        expectFailure(() -> kv.replace(account, connection, 1, canaryTokens()));

        assertNoSecret(output, List.of(ACCESS, REFRESH, TransitKekTests.VAULT_TOKEN));
    }

    private static OAuthTokens canaryTokens() {
        return OAuthTokens.of(
                SecretToken.of(ACCESS),
                SecretToken.of(REFRESH),
                Instant.parse("2030-01-01T00:00:00Z"),
                Set.of("Mail.Read"));
    }

    private static ConnectionsProperties.Vault vaultSettings() {
        return new ConnectionsProperties.Vault(
                null,
                null,
                "transit",
                "mailboard-tokens",
                "secret",
                "mailboard/connections",
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }

    /** Runs a flow that must fail, and logs its exception as a caller would. */
    private void expectFailure(Runnable flow) {
        assertThatThrownBy(flow::run).satisfies(failure((Throwable e) -> {
            log.warn("token operation failed", e);
            for (Throwable t = e; t != null; t = t.getCause()) {
                exceptionTexts.add(String.valueOf(t));
            }
        }));
    }

    private static Consumer<Throwable> failure(Consumer<Throwable> consumer) {
        return consumer;
    }

    /** The value of the keyset's key material, as it appears in the JSON. */
    private static String keyValue(String keysetJson) {
        int start = keysetJson.indexOf("\"value\"");
        int open = keysetJson.indexOf('"', keysetJson.indexOf(':', start) + 1);
        return keysetJson.substring(open + 1, keysetJson.indexOf('"', open + 1));
    }

    private void assertNoSecret(CapturedOutput output, List<String> secrets) {
        String everything = output.getAll() + String.join("\n", exceptionTexts);
        for (String secret : secrets) {
            for (String form : List.of(
                    secret,
                    URLEncoder.encode(secret, StandardCharsets.UTF_8),
                    Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)))) {
                assertThat(everything).doesNotContain(form);
            }
        }
    }
}
