package dev.mailboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IdentityIntegrationTests extends SandboxIntegrationTest {

    @Test
    void runsCodeFlowWithPkceRefreshRotationAndRevocation() throws Exception {
        var address = uniqueAddress("alex");
        var userId = oauth.createMailbox(address);
        var verifier = OAuthFlow.verifier();

        var page = http.get(oauth.authorizeUrl(MAIL_SCOPES, verifier));
        assertThat(page.body())
                .contains("Mailboard Test", "Mail.Read", "Mail.Send", "offline_access", "Accept", "Cancel");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.body()).doesNotContain("<script");

        var redirect = oauth.consent(MAIL_SCOPES, verifier, address, "accept");
        assertThat(redirect).containsEntry("state", "st-123").containsKey("code");

        var tokens = oauth.redeem(redirect.get("code"), verifier);
        assertThat(tokens.status()).isEqualTo(200);
        var body = tokens.json();
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isBetween(3600L, 5400L);
        assertThat(body.has("refresh_token")).isTrue();
        assertThat(body.has("id_token")).isTrue();
        var claims = SignedJWT.parse(body.path("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getAudience()).contains("https://graph.microsoft.com");
        assertThat(claims.getStringClaim("scp")).contains("Mail.Read", "Mail.Send", "User.Read");
        assertThat(claims.getStringClaim("oid")).isEqualTo(userId);
        assertThat(claims.getStringClaim("tid")).isNotBlank();
        assertThat(claims.getExpirationTime()).isNotNull();
        var idToken = SignedJWT.parse(body.path("id_token").asString()).getJWTClaimsSet();
        assertThat(idToken.getStringClaim("nonce")).isEqualTo("n-456");
        assertThat(idToken.getAudience()).containsExactly(OAuthFlow.CLIENT_ID);

        var reused = oauth.redeem(redirect.get("code"), verifier);
        assertIdentityError(reused, 400, "invalid_grant", 54005);

        var first = body.path("refresh_token").asString();
        var refreshed = oauth.refresh(first);
        assertThat(refreshed.status()).isEqualTo(200);
        var second = refreshed.json().path("refresh_token").asString();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(oauth.refresh(first).status())
                .as("old refresh tokens keep working")
                .isEqualTo(200);

        assertThat(http.post("/sandbox/grants/revoke", SandboxHttp.json(Map.of("address", address)))
                        .status())
                .isEqualTo(200);
        assertIdentityError(oauth.refresh(second), 400, "invalid_grant", 50173);
    }

    @Test
    void cancelOnConsentPageReturnsAccessDenied() {
        var address = uniqueAddress("cancel");
        oauth.createMailbox(address);
        var redirect = oauth.consent(MAIL_SCOPES, OAuthFlow.verifier(), address, "cancel");
        assertThat(redirect).containsEntry("error", "access_denied").containsEntry("state", "st-123");
        assertThat(redirect.get("error_description")).startsWith("AADSTS65004");
    }

    @Test
    void rejectsWrongVerifierAndWrongSecret() {
        var address = uniqueAddress("pkce");
        oauth.createMailbox(address);
        var verifier = OAuthFlow.verifier();
        var code = oauth.consent(MAIL_SCOPES, verifier, address, "accept").get("code");
        assertIdentityError(oauth.redeem(code, OAuthFlow.verifier()), 400, "invalid_grant", 501481);

        var code2 = oauth.consent(MAIL_SCOPES, verifier, address, "accept").get("code");
        var wrongSecret = http.form(
                "/sandbox/login/common/oauth2/v2.0/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        OAuthFlow.CLIENT_ID,
                        "client_secret",
                        "nope",
                        "code",
                        String.valueOf(code2),
                        "redirect_uri",
                        OAuthFlow.REDIRECT,
                        "code_verifier",
                        verifier));
        assertIdentityError(wrongSecret, 401, "invalid_client", 7000215);
    }

    @Test
    void offlineAccessGatesRefreshTokensAndOpenidGatesIdTokens() {
        var address = uniqueAddress("gates");
        oauth.createMailbox(address);
        var tokens = oauth.tokens(address, "User.Read Mail.Read");
        assertThat(tokens.has("refresh_token")).isFalse();
        assertThat(tokens.has("id_token")).isFalse();
        assertThat(tokens.has("access_token")).isTrue();
    }

    @Test
    void codesExpireAndRefreshTokensExpireAfterInactivity() {
        var address = uniqueAddress("idle");
        oauth.createMailbox(address);
        var verifier = OAuthFlow.verifier();
        var code = oauth.consent(MAIL_SCOPES, verifier, address, "accept").get("code");
        var refreshToken =
                oauth.tokens(address, MAIL_SCOPES).path("refresh_token").asString();
        advanceClock(11 * 60);
        assertIdentityError(oauth.redeem(code, verifier), 400, "invalid_grant", 70008);
        advanceClock(91L * 24 * 3600);
        assertIdentityError(oauth.refresh(refreshToken), 400, "invalid_grant", 700082);
    }

    @Test
    void servesOpenIdMetadataAndKeys() {
        var metadata = http.get("/sandbox/login/organizations/v2.0/.well-known/openid-configuration")
                .json();
        assertThat(metadata.path("token_endpoint").asString())
                .endsWith("/sandbox/login/organizations/oauth2/v2.0/token");
        assertThat(metadata.path("jwks_uri").asString()).endsWith("/discovery/v2.0/keys");
        var keys = http.get("/sandbox/login/common/discovery/v2.0/keys").json().path("keys");
        assertThat(keys.get(0).path("kty").asString()).isEqualTo("RSA");
        assertThat(keys.get(0).has("d")).as("no private part").isFalse();
        assertThat(http.get("/sandbox/login/unknown-tenant/discovery/v2.0/keys").status())
                .isEqualTo(400);
    }

    @Test
    void unknownGrantTypeAndMissingParametersUseTheErrorShape() {
        var answer = http.form(
                "/sandbox/login/common/oauth2/v2.0/token",
                Map.of("grant_type", "password", "client_id", OAuthFlow.CLIENT_ID, "client_secret", OAuthFlow.SECRET));
        assertIdentityError(answer, 400, "unsupported_grant_type", 70003);
        var missing = http.form("/sandbox/login/common/oauth2/v2.0/token", Map.of("grant_type", "refresh_token"));
        assertIdentityError(missing, 400, "invalid_request", 900144);
    }

    private void advanceClock(long seconds) {
        assertThat(http.post("/sandbox/clock/advance", "{\"seconds\":" + seconds + "}")
                        .status())
                .isEqualTo(200);
    }

    static void assertIdentityError(SandboxHttp.Answer answer, int status, String error, int code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(body.path("error").asString()).isEqualTo(error);
        assertThat(body.path("error_description").asString()).startsWith("AADSTS" + code + ":");
        assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(code);
        assertThat(body.has("timestamp")).isTrue();
        assertThat(body.has("trace_id")).isTrue();
        assertThat(body.has("correlation_id")).isTrue();
        assertThat(body.path("error_uri").asString()).endsWith("code=" + code);
    }
}
