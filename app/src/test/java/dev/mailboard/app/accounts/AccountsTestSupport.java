package dev.mailboard.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.testing.TestClient;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Helpers for the accounts tests: unique users and accounts, JSON, bearer calls, public forms. */
final class AccountsTestSupport {

    static final String PASSWORD = "a long enough test password";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private AccountsTestSupport() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    /** A new account with one admin, made through the facade. */
    static Team newTeam(Accounts accounts, String name) {
        AccountView account =
                accounts.createAccount(name + " " + UUID.randomUUID().toString().substring(0, 6));
        UserView admin = accounts.createUser(
                new NewUser(account.id(), unique("admin"), "Admin of " + name, Role.ADMIN), PASSWORD);
        return new Team(account, admin);
    }

    static UserView newUser(Accounts accounts, AccountId accountId, Role role) {
        return accounts.createUser(new NewUser(accountId, unique(role.code()), "A " + role.code(), role), PASSWORD);
    }

    static TestClient signedIn(int port, UserView user) {
        return TestClient.signedIn(port, user.email(), PASSWORD);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> bearer(TestClient client, String method, String path, String token, String body) {
        return client.send(HttpRequest.newBuilder(client.uri(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Opens a public page and posts its form back with the CSRF token found in it. */
    static HttpResponse<String> postFormOnPage(TestClient client, String path, Map<String, String> fields) {
        String page = client.get(path).body();
        Matcher csrf = CSRF_FIELD.matcher(page);
        assertThat(csrf.find()).as("a CSRF field on " + path).isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf.group(1));
        String body = all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(client.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The audit entries an admin reads through the API, as "action outcome target: detail". */
    static List<String> auditLines(TestClient admin) {
        HttpResponse<String> response = admin.get("/api/v1/audit?size=200");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : json(response).get("entries")) {
            lines.add(
                    entry.get("action").asString() + " " + entry.get("outcome").asString() + " "
                            + entry.get("target").asString() + ": "
                            + entry.get("detail").asString());
        }
        return lines;
    }

    /** Invites through the API and returns the token from the link. */
    static String invite(TestClient admin, String email, String role) {
        HttpResponse<String> response = admin.json(
                "POST",
                "/api/v1/users/invitations",
                "{\"email\":\"" + email + "\",\"displayName\":\"Invited Person\",\"role\":\"" + role + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String link = json(response).get("invitationLink").asString();
        assertThat(link).contains("/invitations/");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    static HttpResponse<String> accept(TestClient anonymous, String token, String password) {
        return postFormOnPage(
                anonymous, "/invitations/" + token, Map.of("password", password, "confirmation", password));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An account and its first admin. */
    record Team(AccountView account, UserView admin) {}
}
