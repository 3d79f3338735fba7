package dev.mailboard.app.connections.vault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.connections.ConnectionId;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Vault Transit key-encryption key against a WireMock stub of Vault's documented HTTP API; Vault itself
 * cannot run on these machines. The stub "encrypts" by prefixing {@code vault:v<n>:}, which is enough to
 * check what Mailboard sends and stores (covers S-36, S-37, S-40, S-72).
 */
class TransitKekTests {

    static final String VAULT_TOKEN = "hvs.test-service-token";
    private static final String KEY = "/v1/transit/keys/mailboard-tokens";

    @RegisterExtension
    static WireMockExtension vault = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private VaultFixture db;
    private VaultFixture.Vault tokenVault;

    @BeforeEach
    void setUp() {
        db = new VaultFixture();
        stubKeyVersion(1);
        tokenVault = db.vault(new TransitKek(http(Duration.ofSeconds(2)), "transit", "mailboard-tokens"));
    }

    static VaultHttp httpTo(String baseUrl, Duration readTimeout) {
        return new VaultHttp(URI.create(baseUrl), VAULT_TOKEN, Duration.ofSeconds(1), readTimeout);
    }

    private VaultHttp http(Duration readTimeout) {
        return httpTo(vault.baseUrl(), readTimeout);
    }

    /** Stubs the key at a version: encrypt and rewrap answer with it, decrypt takes any version. */
    static void stubKeyVersion(WireMockExtension vault, int version) {
        vault.stubFor(get(KEY).willReturn(okJson("{\"data\":{\"name\":\"mailboard-tokens\",\"type\":\"aes256-gcm96\","
                + "\"latest_version\":" + version + ",\"min_decryption_version\":1}}")));
        vault.stubFor(post("/v1/transit/encrypt/mailboard-tokens")
                .withHeader("X-Vault-Token", equalTo(VAULT_TOKEN))
                .willReturn(okJson("{\"data\":{\"ciphertext\":\"vault:v" + version
                                + ":{{jsonPath request.body '$.plaintext'}}\",\"key_version\":" + version + "}}")
                        .withTransformers("response-template")));
        vault.stubFor(post("/v1/transit/rewrap/mailboard-tokens")
                .withHeader("X-Vault-Token", equalTo(VAULT_TOKEN))
                .willReturn(
                        okJson("{{regexExtract (jsonPath request.body '$.ciphertext') 'vault:v[0-9]+:(.+)' 'parts'}}"
                                        + "{\"data\":{\"ciphertext\":\"vault:v" + version
                                        + ":{{parts.0}}\",\"key_version\":"
                                        + version + "}}")
                                .withTransformers("response-template")));
        vault.stubFor(post("/v1/transit/decrypt/mailboard-tokens")
                .withHeader("X-Vault-Token", equalTo(VAULT_TOKEN))
                .willReturn(
                        okJson("{{regexExtract (jsonPath request.body '$.ciphertext') 'vault:v[0-9]+:(.+)' 'parts'}}"
                                        + "{\"data\":{\"plaintext\":\"{{parts.0}}\"}}")
                                .withTransformers("response-template")));
    }

    private void stubKeyVersion(int version) {
        stubKeyVersion(vault, version);
    }

    @Test
    void wrapsEachDataKeyInVaultAndStoresTheKeyVersion() {
        AccountId account = account();
        ConnectionId connection = connection();

        tokenVault.tokens().store(account, connection, tokens("transit-access", "transit-refresh"));
        StoredTokens read = tokenVault.tokens().find(account, connection).orElseThrow();

        assertThat(read.tokens().accessToken().reveal()).isEqualTo("transit-access");
        assertThat(db.jdbc
                        .sql("select kek_id from connection_data_key")
                        .query(String.class)
                        .single())
                .isEqualTo("transit:mailboard-tokens:v1");
        vault.verify(
                1,
                postRequestedFor(urlEqualTo("/v1/transit/encrypt/mailboard-tokens"))
                        .withRequestBody(matchingJsonPath("$.plaintext")));
        vault.verify(
                1,
                postRequestedFor(urlEqualTo("/v1/transit/decrypt/mailboard-tokens"))
                        .withRequestBody(matchingJsonPath("$.ciphertext")));
    }

    @Test
    void rotationAndRewrapMoveEveryDataKeyToTheLatestVersion() {
        AccountId account = account();
        List<ConnectionId> connections = List.of(connection(), connection());
        for (ConnectionId connection : connections) {
            tokenVault.tokens().store(account, connection, tokens("access-" + connection, "refresh"));
        }
        vault.stubFor(post(KEY + "/rotate").willReturn(aResponse().withStatus(204)));
        stubKeyVersion(2);

        assertThat(tokenVault.rotation().rotate()).isEqualTo("transit:mailboard-tokens:v2");
        RewrapReport report = tokenVault.rotation().rewrap();

        assertThat(report.total()).isEqualTo(2);
        assertThat(report.remainingOnOldKeys()).isZero();
        assertThat(db.jdbc
                        .sql("select kek_id from connection_data_key")
                        .query(String.class)
                        .list())
                .containsOnly("transit:mailboard-tokens:v2");
        vault.verify(2, postRequestedFor(urlEqualTo("/v1/transit/rewrap/mailboard-tokens")));
        vault.verify(1, postRequestedFor(urlEqualTo(KEY + "/rotate")));
        for (ConnectionId connection : connections) {
            assertThat(tokenVault
                            .tokens()
                            .find(account, connection)
                            .orElseThrow()
                            .tokens()
                            .accessToken()
                            .reveal())
                    .isEqualTo("access-" + connection);
        }
    }

    @Test
    void failsClosedWhenVaultIsSealed() {
        AccountId account = account();
        ConnectionId connection = connection();
        tokenVault.tokens().store(account, connection, tokens("a", "r"));
        vault.stubFor(post("/v1/transit/decrypt/mailboard-tokens")
                .willReturn(aResponse().withStatus(503).withBody("{\"errors\":[\"Vault is sealed\"]}")));

        assertThatThrownBy(() -> tokenVault.tokens().find(account, connection))
                .isInstanceOf(TokenVaultException.class)
                .hasMessageContaining("503")
                .hasMessageContaining("sealed");
        assertThatThrownBy(() -> tokenVault.tokens().find(account, connection))
                .as("no cached data key")
                .isInstanceOf(TokenVaultException.class);
    }

    @Test
    void failsClosedWhenThePolicyDeniesAccess() {
        vault.stubFor(post("/v1/transit/encrypt/mailboard-tokens")
                .willReturn(aResponse().withStatus(403).withBody("{\"errors\":[\"permission denied\"]}")));

        assertThatThrownBy(() -> tokenVault.tokens().store(account(), connection(), tokens("a", "r")))
                .isInstanceOf(TokenVaultException.class)
                .hasMessageContaining("permission denied");
        assertThat(db.jdbc
                        .sql("select count(*) from connection_token")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aStalledVaultTimesOutInsteadOfBlocking() {
        AccountId account = account();
        ConnectionId connection = connection();
        tokenVault.tokens().store(account, connection, tokens("a", "r"));
        vault.stubFor(post("/v1/transit/decrypt/mailboard-tokens")
                .willReturn(okJson("{\"data\":{\"plaintext\":\"AAAA\"}}").withFixedDelay(10_000)));
        TokenVault impatient = db.vault(new TransitKek(http(Duration.ofMillis(300)), "transit", "mailboard-tokens"))
                .tokens();

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.find(account, connection))
                .isInstanceOf(TokenVaultException.class)
                .hasMessageContaining("did not answer");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void failsClosedWhenVaultCannotBeReached() {
        TokenVault unreachable = db.vault(new TransitKek(
                        httpTo("http://127.0.0.1:9", Duration.ofMillis(300)), "transit", "mailboard-tokens"))
                .tokens();

        assertThatThrownBy(() -> unreachable.store(account(), connection(), tokens("a", "r")))
                .isInstanceOf(TokenVaultException.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void dataKeysSwappedBetweenConnectionsDoNotDecrypt() {
        AccountId account = account();
        ConnectionId first = connection();
        ConnectionId second = connection();
        tokenVault.tokens().store(account, first, tokens("first", "r1"));
        tokenVault.tokens().store(account, second, tokens("second", "r2"));
        db.jdbc
                .sql("update connection_data_key set wrapped_dek = (select wrapped_dek from connection_data_key"
                        + " where connection_id = :second) where connection_id = :first")
                .param("first", first.value())
                .param("second", second.value())
                .update();

        assertThatThrownBy(() -> tokenVault.tokens().find(account, first)).isInstanceOf(TokenVaultException.class);
    }
}
