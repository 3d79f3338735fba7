package dev.mailboard.app.connections;

import dev.mailboard.app.connections.vault.SecretToken;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connection check (S-62): reads {@code GET /me} for the mailbox address and the newest Inbox
 * message's id only, proving that reading mail works. Nothing of the message is kept.
 */
class MailboxCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final AtomicLong requests = new AtomicLong();

    MailboxCheck(RestClient http) {
        this.http = http;
    }

    /** How many Graph requests the check has sent (tests read it). */
    long requestCount() {
        return requests.get();
    }

    /**
     * Runs the check.
     *
     * @param graphBaseUrl Graph's base URL
     * @param accessToken a fresh access token
     * @return the mailbox address
     * @throws CheckFailedException with a reason to show the user
     */
    String mailboxAddress(String graphBaseUrl, SecretToken accessToken) {
        JsonNode me = get(graphBaseUrl + "/me?$select=mail,userPrincipalName", accessToken, "read your profile");
        String mail = me.path("mail").asString("");
        String address = mail.isBlank() ? me.path("userPrincipalName").asString("") : mail;
        if (address.isBlank()) {
            throw new CheckFailedException("Microsoft did not tell the mailbox's address.");
        }
        JsonNode newest =
                get(graphBaseUrl + "/me/mailFolders/inbox/messages?$top=1&$select=id", accessToken, "read your Inbox");
        if (!newest.path("value").isArray()) {
            throw new CheckFailedException("Reading the Inbox gave an unexpected answer.");
        }
        return address.toLowerCase(Locale.ROOT);
    }

    private JsonNode get(String url, SecretToken token, String what) {
        requests.incrementAndGet();
        try {
            return http.get()
                    .uri(url)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.reveal())
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        byte[] body = response.getBody().readAllBytes();
                        if (status != 200) {
                            throw new CheckFailedException("Mailboard could not " + what
                                    + ": Microsoft Graph answered HTTP " + status + " " + graphErrorCode(body) + ".");
                        }
                        return JSON.readTree(body);
                    });
        } catch (ResourceAccessException e) {
            throw new CheckFailedException(
                    "Mailboard could not " + what + ": Microsoft Graph did not answer in time.", e);
        }
    }

    private static String graphErrorCode(byte[] body) {
        try {
            String code = JSON.readTree(body).path("error").path("code").asString("");
            return code.matches("[A-Za-z0-9_.]{1,80}") ? "(" + code + ")" : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The check failed; the message is safe to show. */
    static final class CheckFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckFailedException(String message) {
            super(message);
        }

        CheckFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
