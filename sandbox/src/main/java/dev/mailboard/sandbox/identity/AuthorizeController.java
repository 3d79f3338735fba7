package dev.mailboard.sandbox.identity;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.store.AppRegistration;
import dev.mailboard.sandbox.store.Mailboxes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The authorize endpoint: checks the request, shows the consent page, and redirects back with a code or an error. */
@RestController
final class AuthorizeController {

    private static final String PATH = "/sandbox/login/{tenant}/oauth2/v2.0/authorize";

    private final AppRegistry apps;
    private final Tenants tenants;
    private final Mailboxes mailboxes;
    private final AuthorizationCodes codes;
    private final SandboxClock clock;

    AuthorizeController(
            AppRegistry apps, Tenants tenants, Mailboxes mailboxes, AuthorizationCodes codes, SandboxClock clock) {
        this.apps = apps;
        this.tenants = tenants;
        this.mailboxes = mailboxes;
        this.codes = codes;
        this.clock = clock;
    }

    /** What a valid authorize request asks for. */
    private record Ask(AppRegistration app, String redirectUri, Set<String> scopes, Map<String, String> echo) {}

    @GetMapping(PATH)
    ResponseEntity<String> show(@PathVariable String tenant, @RequestParam Map<String, String> parameters) {
        try {
            var ask = check(tenant, parameters);
            if ("none".equals(parameters.get("prompt"))) {
                return redirect(
                        ask,
                        Map.of(
                                "error",
                                "login_required",
                                "error_description",
                                "AADSTS50058: A silent sign-in request was sent but no user is signed in."));
            }
            var login = parameters.getOrDefault("login_hint", firstMailbox());
            return page(
                    HttpStatus.OK,
                    ConsentPage.consent(
                            action(tenant), ask.app().displayName(), ask.scopes(), ask.echo(), login, null));
        } catch (Redirect r) {
            return r.response;
        }
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> decide(@PathVariable String tenant, @RequestParam Map<String, String> parameters) {
        try {
            var ask = check(tenant, parameters);
            if (!"accept".equals(parameters.get("decision"))) {
                return redirect(
                        ask,
                        Map.of(
                                "error",
                                "access_denied",
                                "error_description",
                                "AADSTS65004: User declined to consent to access the app."));
            }
            var login = parameters.getOrDefault("login", "");
            var user = mailboxes.find(login).orElse(null);
            if (user == null) {
                return page(
                        HttpStatus.OK,
                        ConsentPage.consent(
                                action(tenant),
                                ask.app().displayName(),
                                ask.scopes(),
                                ask.echo(),
                                login,
                                "No sandbox mailbox has the address '" + login + "'."));
            }
            var code = codes.issue(new AuthorizationCodes.Code(
                    ask.app().clientId(),
                    ask.redirectUri(),
                    user.id(),
                    ask.scopes(),
                    parameters.get("code_challenge"),
                    parameters.getOrDefault("code_challenge_method", "plain"),
                    parameters.get("nonce"),
                    tenant,
                    clock.now(),
                    false));
            return redirect(ask, Map.of("code", code));
        } catch (Redirect r) {
            return r.response;
        }
    }

    private Ask check(String tenant, Map<String, String> p) {
        try {
            tenants.check(tenant);
        } catch (IdentityException e) {
            throw new Redirect(page(
                    HttpStatus.BAD_REQUEST, ConsentPage.error("AADSTS" + e.code(), String.valueOf(e.getMessage()))));
        }
        var clientId = p.getOrDefault("client_id", "");
        var app = apps.find(clientId)
                .orElseThrow(() -> new Redirect(page(
                        HttpStatus.BAD_REQUEST,
                        ConsentPage.error(
                                "AADSTS700016",
                                "Application with identifier '" + clientId + "' was not found in the directory."))));
        var redirectUri = p.getOrDefault("redirect_uri", "");
        if (!AppRegistry.redirectAllowed(app, redirectUri)) {
            throw new Redirect(page(
                    HttpStatus.BAD_REQUEST,
                    ConsentPage.error(
                            "AADSTS50011",
                            "The redirect URI '"
                                    + redirectUri
                                    + "' specified in the request does not match the redirect URIs configured for the"
                                    + " application '" + clientId + "'.")));
        }
        var echo = echoed(p);
        var partial = new Ask(app, redirectUri, Set.of(), echo);
        if (!"code".equals(p.get("response_type"))) {
            throw new Redirect(redirect(
                    partial,
                    Map.of(
                            "error",
                            "unsupported_response_type",
                            "error_description",
                            "AADSTS700054: response_type '" + p.getOrDefault("response_type", "")
                                    + "' is not enabled.")));
        }
        var scopes = Scopes.parse(p.getOrDefault("scope", ""))
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> new Redirect(redirect(
                        partial,
                        Map.of(
                                "error",
                                "invalid_scope",
                                "error_description",
                                "AADSTS70011: The provided value for the input parameter 'scope' is not valid."))));
        checkChallenge(partial, p.get("code_challenge"), p.getOrDefault("code_challenge_method", "plain"));
        return new Ask(app, redirectUri, scopes, echo);
    }

    private void checkChallenge(Ask ask, @Nullable String challenge, String method) {
        if (!"S256".equals(method) && !"plain".equals(method)) {
            throw new Redirect(redirect(
                    ask,
                    Map.of(
                            "error",
                            "invalid_request",
                            "error_description",
                            "AADSTS501491: Invalid code_challenge_method '" + method + "'.")));
        }
        if (challenge != null && (challenge.length() < 43 || challenge.length() > 128)) {
            throw new Redirect(redirect(
                    ask,
                    Map.of(
                            "error",
                            "invalid_request",
                            "error_description",
                            "AADSTS50147: The code_challenge does not have a valid length.")));
        }
    }

    private static Map<String, String> echoed(Map<String, String> p) {
        var echo = new LinkedHashMap<String, String>();
        p.forEach((k, v) -> {
            if (!k.equals("login") && !k.equals("decision")) {
                echo.put(k, v);
            }
        });
        return echo;
    }

    private static ResponseEntity<String> redirect(Ask ask, Map<String, String> values) {
        var builder = UriComponentsBuilder.fromUriString(ask.redirectUri());
        values.forEach(builder::queryParam);
        var state = ask.echo().get("state");
        if (state != null) {
            builder.queryParam("state", state);
        }
        var location = builder.build().encode().toUriString();
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, location)
                .build();
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", ConsentPage.CSP)
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .body(html);
    }

    private static String action(String tenant) {
        return PATH.replace("{tenant}", tenant);
    }

    private String firstMailbox() {
        var all = mailboxes.all();
        return all.isEmpty() ? "" : all.get(0).address();
    }

    /** Carries a finished response (an error page or an error redirect) out of the checks. */
    private static final class Redirect extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ResponseEntity<String> response;

        Redirect(ResponseEntity<String> response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
