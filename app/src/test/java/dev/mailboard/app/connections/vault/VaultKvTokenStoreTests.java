package dev.mailboard.app.connections.vault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.mailboard.app.connections.vault.VaultFixture.account;
import static dev.mailboard.app.connections.vault.VaultFixture.connection;
import static dev.mailboard.app.connections.vault.VaultFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tokens in Vault KV v2 against a WireMock stub of Vault's documented HTTP API (covers S-38, S-39, S-40,
 * S-72).
 */
class VaultKvTokenStoreTests {

    private static final String CAS_ERROR =
            "{\"errors\":[\"check-and-set parameter did not match the current version\"]}";

    @RegisterExtension
    static WireMockExtension vault = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final AccountId account = account();
    private final ConnectionId connection = connection();
    private TokenVault tokens;
    private String data;
    private String metadata;

    @BeforeEach
    void setUp() {
        tokens = vaultWith(Duration.ofSeconds(2));
        String path = "mailboard/connections/" + account.value() + "/" + connection.value();
        data = "/v1/secret/data/" + path;
        metadata = "/v1/secret/metadata/" + path;
    }

    private TokenVault vaultWith(Duration readTimeout) {
        return new TokenVault(new VaultKvTokenStore(
                TransitKekTests.httpTo(vault.baseUrl(), readTimeout), "secret", "mailboard/connections", 3));
    }

    private String secret(int version, String access, String refresh) {
        return "{\"data\":{\"data\":{\"account_id\":\"" + account.value() + "\",\"connection_id\":\""
                + connection.value() + "\",\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh
                + "\",\"access_token_expires_at\":\"2030-01-01T10:00:00Z\",\"scopes\":\"Mail.Read openid\"},"
                + "\"metadata\":{\"version\":" + version + ",\"destroyed\":false}}}";
    }

    @Test
    void aFirstStoreLimitsVersionsRequiresCheckAndSetAndWritesWithCasZero() {
        vault.stubFor(get(metadata).willReturn(notFound()));
        vault.stubFor(post(metadata).willReturn(aResponse().withStatus(204)));
        vault.stubFor(post(data).willReturn(okJson("{\"data\":{\"version\":1}}")));

        StoredTokens stored = tokens.store(account, connection, tokens("kv-access", "kv-refresh"));

        assertThat(stored.version()).isEqualTo(1);
        vault.verify(postRequestedFor(urlEqualTo(metadata))
                .withHeader("X-Vault-Token", equalTo(TransitKekTests.VAULT_TOKEN))
                .withRequestBody(equalToJson("{\"max_versions\":3,\"cas_required\":true}")));
        vault.verify(postRequestedFor(urlEqualTo(data))
                .withRequestBody(matchingJsonPath("$.options.cas", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.data.access_token", equalTo("kv-access")))
                .withRequestBody(matchingJsonPath("$.data.refresh_token", equalTo("kv-refresh")))
                .withRequestBody(matchingJsonPath(
                        "$.data.connection_id", equalTo(connection.value().toString()))));
    }

    @Test
    void aCasConflictOnStoreIsRetriedAfterReReadingTheVersion() {
        vault.stubFor(get(metadata)
                .inScenario("race")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(notFound()));
        vault.stubFor(post(metadata).willReturn(aResponse().withStatus(204)));
        vault.stubFor(post(data)
                .inScenario("race")
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.options.cas", equalTo("0")))
                .willReturn(aResponse().withStatus(400).withBody(CAS_ERROR))
                .willSetStateTo("someone else wrote"));
        vault.stubFor(get(metadata)
                .inScenario("race")
                .whenScenarioStateIs("someone else wrote")
                .willReturn(okJson("{\"data\":{\"current_version\":1,\"max_versions\":3}}")));
        vault.stubFor(post(data)
                .inScenario("race")
                .whenScenarioStateIs("someone else wrote")
                .withRequestBody(matchingJsonPath("$.options.cas", equalTo("1")))
                .willReturn(okJson("{\"data\":{\"version\":2}}")));

        StoredTokens stored = tokens.store(account, connection, tokens("mine", "mine-refresh"));

        assertThat(stored.version()).isEqualTo(2);
        vault.verify(2, getRequestedFor(urlEqualTo(metadata)));
        vault.verify(2, postRequestedFor(urlEqualTo(data)));
    }

    @Test
    void readsTheTokensAndTheirVersion() {
        vault.stubFor(get(data).willReturn(okJson(secret(4, "kv-access", "kv-refresh"))));

        StoredTokens stored = tokens.find(account, connection).orElseThrow();

        assertThat(stored.version()).isEqualTo(4);
        assertThat(stored.tokens().accessToken().reveal()).isEqualTo("kv-access");
        assertThat(stored.tokens().refreshToken()).isEqualTo(SecretToken.of("kv-refresh"));
        assertThat(stored.tokens().scopes()).containsExactly("Mail.Read", "openid");
    }

    @Test
    void findsNothingWhenVaultHasNoSecret() {
        vault.stubFor(get(data).willReturn(notFound()));

        assertThat(tokens.find(account, connection)).isEmpty();
    }

    @Test
    void refusesASecretThatNamesAnotherConnection() {
        vault.stubFor(get(data)
                .willReturn(okJson(secret(1, "a", "r")
                        .replace(
                                connection.value().toString(),
                                connection().value().toString()))));

        assertThatThrownBy(() -> tokens.find(account, connection))
                .isInstanceOf(TokenVaultException.class)
                .hasMessageContaining("names another connection");
    }

    @Test
    void aReplaceWritesWithTheExpectedVersionAsCheckAndSet() {
        vault.stubFor(post(data)
                .withRequestBody(matchingJsonPath("$.options.cas", equalTo("4")))
                .willReturn(okJson("{\"data\":{\"version\":5}}")));

        StoredTokens replaced = tokens.replace(account, connection, 4, tokens("new-access", "new-refresh"));

        assertThat(replaced.version()).isEqualTo(5);
    }

    @Test
    void aReplaceWithoutRefreshTokenKeepsTheStoredOne() {
        vault.stubFor(get(data).willReturn(okJson(secret(4, "old-access", "kept-refresh"))));
        vault.stubFor(post(data).willReturn(okJson("{\"data\":{\"version\":5}}")));

        StoredTokens replaced =
                tokens.replace(account, connection, 4, tokens("new-access", "x").withRefreshToken(null));

        assertThat(replaced.tokens().refreshToken()).isEqualTo(SecretToken.of("kept-refresh"));
        vault.verify(postRequestedFor(urlEqualTo(data))
                .withRequestBody(matchingJsonPath("$.options.cas", equalTo("4")))
                .withRequestBody(matchingJsonPath("$.data.access_token", equalTo("new-access")))
                .withRequestBody(matchingJsonPath("$.data.refresh_token", equalTo("kept-refresh"))));
    }

    @Test
    void aReplaceThatLosesTheCheckAndSetIsAConflict() {
        vault.stubFor(post(data).willReturn(aResponse().withStatus(400).withBody(CAS_ERROR)));

        assertThatThrownBy(() -> tokens.replace(account, connection, 4, tokens("late", "late")))
                .isInstanceOf(TokenVersionConflictException.class);
    }

    @Test
    void destroyDeletesTheMetadataSoThatEveryVersionGoes() {
        vault.stubFor(get(metadata).willReturn(okJson("{\"data\":{\"current_version\":3}}")));
        vault.stubFor(delete(metadata).willReturn(aResponse().withStatus(204)));

        assertThat(tokens.destroy(account, connection)).isTrue();

        vault.verify(1, deleteRequestedFor(urlEqualTo(metadata)));
    }

    @Test
    void failsClosedWhenVaultFails() {
        vault.stubFor(get(data).willReturn(aResponse().withStatus(500)));
        vault.stubFor(get(metadata).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> tokens.find(account, connection))
                .isInstanceOf(TokenVaultException.class)
                .hasMessageContaining("500");
        assertThatThrownBy(() -> tokens.store(account, connection, tokens("a", "r")))
                .isInstanceOf(TokenVaultException.class)
                .hasMessageContaining("503");
    }

    @Test
    void aStalledVaultTimesOut() {
        vault.stubFor(get(data).willReturn(okJson(secret(1, "a", "r")).withFixedDelay(10_000)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> vaultWith(Duration.ofMillis(300)).find(account, connection))
                .isInstanceOf(TokenVaultException.class)
                .hasMessageContaining("did not answer");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
