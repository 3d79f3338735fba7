package dev.mailboard.sandbox;

import static dev.mailboard.sandbox.GraphMailIntegrationTests.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RichNotificationsIntegrationTests extends SandboxIntegrationTest {

    private static final String PUBLISHER = "0bf30f3b-4a52-48df-9a82-234910c4a086";
    private static final String SELECTED =
            "me/mailFolders('Inbox')/messages?$select=subject,from,receivedDateTime,importance,bodyPreview";

    private final NotificationReceiver receiver = new NotificationReceiver();

    @AfterEach
    void stop() {
        receiver.close();
        http.send("DELETE", "/sandbox/faults", null);
    }

    @Test
    void encryptsSelectedPropertiesSignsValidationTokensAndRotatesCertificates() {
        var address = uniqueAddress("rich");
        var userId = oauth.createMailbox(address);
        var token = bearer(oauth.accessToken(address, MAIL_SCOPES));
        var certificate = SelfSignedCertificate.generate(2048, "rich-receiver");
        var created = subscribe(
                token, SELECTED, certificate.base64(), "cert-1", sandboxNow().plus(Duration.ofHours(20)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("includeResourceData").asBoolean()).isTrue();
        assertThat(created.json().path("encryptionCertificateId").asString()).isEqualTo("cert-1");
        var subscriptionId = created.json().path("id").asString();

        var messageId = deliver(address, "Encrypted hello");
        var item = awaitItem(messageId);
        assertThat(item.path("subscriptionId").asString()).isEqualTo(subscriptionId);
        assertThat(item.path("resourceData").path("@odata.type").asString()).isEqualTo("#microsoft.graph.message");
        var content = item.path("encryptedContent");
        assertThat(content.path("encryptionCertificateId").asString()).isEqualTo("cert-1");
        assertThat(content.path("encryptionCertificateThumbprint").asString())
                .isEqualTo(RichNotificationReader.thumbprint(certificate.der()));
        var data = RichNotificationReader.decrypt(content, certificate.keys().getPrivate());
        assertThat(data.path("id").asString()).isEqualTo(messageId);
        assertThat(data.path("subject").asString()).isEqualTo("Encrypted hello");
        assertThat(data.path("bodyPreview").asString()).isEqualTo("Hello there");
        assertThat(data.path("importance").asString()).isEqualTo("normal");
        assertThat(data.path("importance@odata.type").asString()).isEqualTo("#microsoft.graph.importance");
        assertThat(data.path("receivedDateTime@odata.type").asString()).isEqualTo("#DateTimeOffset");
        assertThat(data.path("from").path("emailAddress").path("address").asString())
                .isEqualTo("alice@example.com");
        assertThat(data.path("from@odata.type").asString()).isEqualTo("#microsoft.graph.recipient");
        assertThat(data.has("isRead")).as("not selected").isFalse();
        assertThat(data.has("body")).isFalse();

        var batch = batchWith(messageId);
        assertThat(batch.path("validationTokens").size()).isEqualTo(1);
        var claims = new RichNotificationReader(http)
                .verify(batch.path("validationTokens").get(0).asString())
                .orElseThrow(() -> new AssertionError("validation token does not verify against the JWKS"));
        var tenant = item.path("tenantId").asString();
        assertThat(claims.getAudience()).containsExactly(OAuthFlow.CLIENT_ID);
        assertThat(claims.getClaim("appid")).isEqualTo(PUBLISHER);
        assertThat(claims.getIssuer()).isEqualTo("https://sts.windows.net/" + tenant + "/");
        assertThat(claims.getClaim("ver")).isEqualTo("1.0");
        assertThat(claims.getClaim("tid")).isEqualTo(tenant);
        assertThat(claims.getClaim("appidacr")).isEqualTo("2");
        assertThat(claims.getIssueTime()).isNotNull();
        assertThat(claims.getNotBeforeTime()).isNotNull();
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(1));
        assertThat(userId).isNotBlank();

        var rotated = SelfSignedCertificate.generate(3072, "rotated");
        var patch = http.send(
                "PATCH",
                "/sandbox/graph/v1.0/subscriptions/" + subscriptionId,
                SandboxHttp.json(
                        Map.of("encryptionCertificate", rotated.base64(), "encryptionCertificateId", "cert-2")),
                "Authorization",
                token);
        assertThat(patch.status()).as(patch.body()).isEqualTo(200);
        assertThat(patch.json().path("encryptionCertificateId").asString()).isEqualTo("cert-2");
        var second = deliver(address, "After rotation");
        var rotatedContent = awaitItem(second).path("encryptedContent");
        assertThat(rotatedContent.path("encryptionCertificateId").asString()).isEqualTo("cert-2");
        assertThat(RichNotificationReader.decrypt(rotatedContent, rotated.keys().getPrivate())
                        .path("subject")
                        .asString())
                .isEqualTo("After rotation");
    }

    @Test
    void refusesIncompleteOrOverlongRichSubscriptions() {
        var address = uniqueAddress("richrules");
        oauth.createMailbox(address);
        var token = bearer(oauth.accessToken(address, MAIL_SCOPES));
        var certificate = SelfSignedCertificate.generate(2048, "rules").base64();
        var day = sandboxNow().plus(Duration.ofMinutes(1400));
        assertGraphError(subscribe(token, SELECTED, null, "cert-1", day), 400, "InvalidRequest");
        assertGraphError(subscribe(token, SELECTED, certificate, null, day), 400, "InvalidRequest");
        assertGraphError(subscribe(token, SELECTED, certificate, "x".repeat(129), day), 400, "InvalidRequest");
        assertGraphError(subscribe(token, SELECTED, "bm90IGEgY2VydA==", "cert-1", day), 400, "InvalidRequest");
        var small = SelfSignedCertificate.generate(1024, "small").base64();
        assertGraphError(subscribe(token, SELECTED, small, "cert-1", day), 400, "InvalidRequest");
        var overDay = sandboxNow().plus(Duration.ofMinutes(1445));
        assertGraphError(subscribe(token, SELECTED, certificate, "cert-1", overDay), 400, "InvalidRequest");
        assertGraphError(
                subscribe(token, "me/messages?$select=subject,Body", certificate, "cert-1", day),
                400,
                "InvalidRequest");
        assertGraphError(
                subscribe(token, "me/messages?$select=UniqueBody", certificate, "cert-1", day), 400, "InvalidRequest");

        var ok = subscribe(token, SELECTED, certificate, "x".repeat(128), day);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        var renew = http.send(
                "PATCH",
                "/sandbox/graph/v1.0/subscriptions/" + ok.json().path("id").asString(),
                SandboxHttp.json(Map.of("expirationDateTime", overDay.toString())),
                "Authorization",
                token);
        assertGraphError(renew, 400, "InvalidRequest");
    }

    @Test
    void faultSwitchesBreakValidationTokens() {
        var address = uniqueAddress("richfault");
        oauth.createMailbox(address);
        var token = bearer(oauth.accessToken(address, MAIL_SCOPES));
        var certificate = SelfSignedCertificate.generate(2048, "faults");
        var created = subscribe(
                token, SELECTED, certificate.base64(), "c", sandboxNow().plus(Duration.ofHours(2)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var reader = new RichNotificationReader(http);

        assertThat(http.send("PUT", "/sandbox/faults", "{\"validationTokenWrongKey\":true}")
                        .status())
                .isEqualTo(200);
        var wrongKey = deliver(address, "Wrong key");
        awaitItem(wrongKey);
        var forged = batchWith(wrongKey).path("validationTokens").get(0).asString();
        assertThat(reader.verify(forged)).isEmpty();

        http.send("PUT", "/sandbox/faults", "{\"validationTokenWrongAppId\":true}");
        var wrongApp = deliver(address, "Wrong app");
        awaitItem(wrongApp);
        var claims = reader.verify(
                batchWith(wrongApp).path("validationTokens").get(0).asString());
        assertThat(claims).isPresent();
        assertThat(claims.get().getClaim("appid")).isNotEqualTo(PUBLISHER);
    }

    private JsonNode awaitItem(String messageId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> findBatch(messageId).isPresent());
        for (var item : batchWith(messageId).path("value")) {
            if (item.path("resourceData").path("id").asString("").equals(messageId)) {
                return item;
            }
        }
        throw new AssertionError("no notification for " + messageId);
    }

    private JsonNode batchWith(String messageId) {
        return findBatch(messageId).orElseThrow();
    }

    private Optional<JsonNode> findBatch(String messageId) {
        return receiver.batches().stream()
                .filter(b -> b.path("value").toString().contains(messageId))
                .findFirst();
    }

    private SandboxHttp.Answer subscribe(
            String token, String resource, String certificate, String certificateId, Instant expiry) {
        var body = new LinkedHashMap<String, Object>();
        body.put("changeType", "created");
        body.put("notificationUrl", receiver.url("/rich"));
        body.put("resource", resource);
        body.put("expirationDateTime", expiry.toString());
        body.put("clientState", "rich-state");
        body.put("includeResourceData", true);
        if (certificate != null) {
            body.put("encryptionCertificate", certificate);
        }
        if (certificateId != null) {
            body.put("encryptionCertificateId", certificateId);
        }
        return http.post(
                "/sandbox/graph/v1.0/subscriptions",
                SandboxHttp.json(body),
                "Authorization",
                token,
                "Prefer",
                "IdType=\"ImmutableId\"");
    }
}
