package dev.mailboard.sandbox.identity;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.SandboxUrls;
import dev.mailboard.sandbox.store.AppRegistration;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The v2.0 token endpoint: authorization_code (with PKCE) and refresh_token grants. */
@RestController
final class TokenController {

    private final TokenGrants grants;
    private final AppRegistry apps;
    private final Tenants tenants;
    private final SandboxUrls urls;
    private final SandboxJson json;
    private final SandboxClock clock;

    TokenController(
            TokenGrants grants,
            AppRegistry apps,
            Tenants tenants,
            SandboxUrls urls,
            SandboxJson json,
            SandboxClock clock) {
        this.grants = grants;
        this.apps = apps;
        this.tenants = tenants;
        this.urls = urls;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = "/sandbox/login/{tenant}/oauth2/v2.0/token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> token(
            @PathVariable String tenant,
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            HttpServletRequest request) {
        tenants.check(tenant);
        var form = new HashMap<>(parameters.toSingleValueMap());
        var app = authenticate(form, authorization);
        var grantType = TokenGrants.required(form, "grant_type");
        var issuer = urls.base(request) + "/sandbox/login/" + tenants.id() + "/v2.0";
        Map<String, Object> body;
        if ("authorization_code".equals(grantType)) {
            body = grants.redeemCode(app, form, issuer);
        } else if ("refresh_token".equals(grantType)) {
            body = grants.refresh(app, form, issuer);
        } else {
            throw new IdentityException(
                    "unsupported_grant_type",
                    70003,
                    "The app requested an unsupported grant type '" + grantType + "'.");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .body(json.write(body));
    }

    @ExceptionHandler(IdentityException.class)
    ResponseEntity<String> failed(IdentityException e) {
        return IdentityErrors.render(e, clock.now(), json);
    }

    private AppRegistration authenticate(Map<String, String> form, @Nullable String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            var decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                form.putIfAbsent("client_id", URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
                form.put("client_secret", URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
            }
        }
        var clientId = TokenGrants.required(form, "client_id");
        var app = apps.find(clientId)
                .orElseThrow(() -> new IdentityException(
                        "unauthorized_client",
                        700016,
                        "Application with identifier '" + clientId + "' was not found in the directory '" + tenants.id()
                                + "'."));
        var secret = form.get("client_secret");
        if (secret == null || secret.isEmpty()) {
            throw new IdentityException(
                    "invalid_client",
                    7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }
        if (!AppRegistry.secretMatches(app, secret)) {
            throw new IdentityException(
                    "invalid_client",
                    7000215,
                    "Invalid client secret provided. Ensure the"
                            + " secret being sent in the request is the client secret value, not the client secret ID, for a"
                            + " secret added to app '" + clientId + "'.");
        }
        return app;
    }
}
