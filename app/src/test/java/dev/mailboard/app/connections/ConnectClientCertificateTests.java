package dev.mailboard.app.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import dev.mailboard.app.connections.vault.SecretToken;
import dev.mailboard.app.operations.InvalidConfigurationException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.RestClient;

/**
 * S-11: with Microsoft, Mailboard authenticates to the token endpoint with a certificate
 * ({@code private_key_jwt}); a client secret is refused unless explicitly allowed for a trial.
 */
class ConnectClientCertificateTests {

    private static final String CLIENT_ID = "00000000-1111-2222-3333-444444444444";

    @TempDir
    Path dir;

    @Test
    void aClientSecretAloneIsRefusedAtStartUpNamingTheSettingAndTheFix() {
        assertThatThrownBy(() -> provider(microsoft("secret-value", null, false)))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.setting()).isEqualTo("MAILBOARD_MICROSOFT_CLIENT_SECRET");
                    assertThat(e.fix()).contains("MAILBOARD_MICROSOFT_CERTIFICATE");
                })
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void aClientSecretIsUsedWhenExplicitlyAllowed() {
        ProviderSettings settings =
                provider(microsoft("secret-value", null, true)).current();

        assertThat(settings.credentials()).isInstanceOf(ClientCredentials.Secret.class);
        assertThat(settings.toString()).doesNotContain("secret-value");
    }

    @Test
    void noSecretAndNoCertificateIsRefused() {
        assertThatThrownBy(() -> provider(microsoft(null, null, false)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("MAILBOARD_MICROSOFT_CERTIFICATE");
    }

    @Test
    void anUnreadableCertificateFileIsRefusedWithoutShowingItsContent() throws Exception {
        Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> provider(microsoft(null, broken.toString(), false)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("MAILBOARD_MICROSOFT_CERTIFICATE")
                .hasMessageNotContaining("AAAA");
    }

    @Test
    void theTokenRequestCarriesASignedClientAssertionAndNoSecret() throws Exception {
        WireMockServer wiremock = new WireMockServer(wireMockConfig().dynamicPort());
        wiremock.start();
        try {
            wiremock.stubFor(post(urlPathEqualTo("/tenant/oauth2/v2.0/token"))
                    .willReturn(okJson("{\"access_token\":\"at\",\"refresh_token\":\"rt\",\"expires_in\":3600,"
                            + "\"scope\":\"Mail.Read User.Read\"}")));
            OAuthProperties.Microsoft microsoft = new OAuthProperties.Microsoft(
                    CLIENT_ID, "secret-value", certificateFile().toString(), false, "tenant", wiremock.baseUrl());
            ProviderSettings settings = provider(microsoft).current();
            TokenEndpoint endpoint = new TokenEndpoint(RestClient.create(), Clock.systemUTC(), null);

            TokenResult result = endpoint.refresh(settings, SecretToken.of("rt-old"), ProviderSettings.CONNECT_SCOPES);

            assertThat(result).isInstanceOf(TokenResult.Granted.class);
            String body = wiremock.getAllServeEvents().get(0).getRequest().getBodyAsString();
            Map<String, String> form = form(body);
            assertThat(form).doesNotContainKey("client_secret");
            assertThat(form)
                    .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
            SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
            ClientAssertions assertions = ClientAssertions.fromPem(certificateFile(), Clock.systemUTC());
            RSAPublicKey key = (RSAPublicKey) assertions.certificate().getPublicKey();
            assertThat(assertion.verify(new RSASSAVerifier(key))).isTrue();
            assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(settings.tokenUri());
            assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(CLIENT_ID);
            assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(CLIENT_ID);
            assertThat(assertion.getJWTClaimsSet().getJWTID()).isNotBlank();
            assertThat(assertion.getJWTClaimsSet().getExpirationTime())
                    .isBefore(Date.from(java.time.Instant.now().plus(Duration.ofMinutes(6))));
            byte[] thumbprint = MessageDigest.getInstance("SHA-256")
                    .digest(assertions.certificate().getEncoded());
            assertThat(assertion.getHeader().getX509CertSHA256Thumbprint()).isEqualTo(Base64URL.encode(thumbprint));
        } finally {
            wiremock.stop();
        }
    }

    @Test
    void twoAssertionsNeverShareAnId() throws Exception {
        ClientAssertions assertions = ClientAssertions.fromPem(certificateFile(), Clock.systemUTC());

        String first = SignedJWT.parse(assertions.sign(CLIENT_ID, "https://login.example/token"))
                .getJWTClaimsSet()
                .getJWTID();
        String second = SignedJWT.parse(assertions.sign(CLIENT_ID, "https://login.example/token"))
                .getJWTClaimsSet()
                .getJWTID();

        assertThat(first).isNotEqualTo(second);
        assertThat(assertions.toString()).doesNotContain("PRIVATE");
    }

    private Path certificateFile() throws Exception {
        Path file = dir.resolve("app.pem");
        if (!Files.exists(file)) {
            try (var in = getClass().getResourceAsStream("/connections/test-app-certificate.pem")) {
                Files.write(file, in.readAllBytes());
            }
        }
        return file;
    }

    private static OAuthProperties.Microsoft microsoft(String secret, String certificate, boolean allowSecret) {
        return new OAuthProperties.Microsoft(
                CLIENT_ID, secret, certificate, allowSecret, "tenant", "https://login.microsoftonline.com");
    }

    private static OAuthProvider provider(OAuthProperties.Microsoft microsoft) {
        OAuthProperties properties = new OAuthProperties(
                null,
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofMinutes(10),
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                3,
                Duration.ofMillis(500),
                microsoft,
                new OAuthProperties.Provider(null, null, null, null, null, null, null));
        // the Microsoft branch never needs the public URL, which only the sandbox's endpoints are built from
        return new OAuthProvider(properties, null, new MockEnvironment(), Clock.systemUTC());
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
