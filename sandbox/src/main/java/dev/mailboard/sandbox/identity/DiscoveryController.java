package dev.mailboard.sandbox.identity;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.SandboxUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** OpenID Connect metadata and the signing keys (JWKS). */
@RestController
final class DiscoveryController {

    private final SigningKeys keys;
    private final Tenants tenants;
    private final SandboxUrls urls;
    private final SandboxJson json;
    private final SandboxClock clock;

    DiscoveryController(SigningKeys keys, Tenants tenants, SandboxUrls urls, SandboxJson json, SandboxClock clock) {
        this.keys = keys;
        this.tenants = tenants;
        this.urls = urls;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(path = "/sandbox/login/{tenant}/discovery/v2.0/keys", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> keys(@PathVariable String tenant) {
        tenants.check(tenant);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.write(keys.publicJwks()));
    }

    @GetMapping(
            path = "/sandbox/login/{tenant}/v2.0/.well-known/openid-configuration",
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> configuration(@PathVariable String tenant, HttpServletRequest request) {
        tenants.check(tenant);
        var base = urls.base(request) + "/sandbox/login/";
        var body = new LinkedHashMap<String, Object>();
        body.put("issuer", base + tenants.id() + "/v2.0");
        body.put("authorization_endpoint", base + tenant + "/oauth2/v2.0/authorize");
        body.put("token_endpoint", base + tenant + "/oauth2/v2.0/token");
        body.put("jwks_uri", base + tenant + "/discovery/v2.0/keys");
        body.put("userinfo_endpoint", urls.base(request) + "/sandbox/graph/oidc/userinfo");
        body.put("response_types_supported", List.of("code"));
        body.put("response_modes_supported", List.of("query", "fragment"));
        body.put("subject_types_supported", List.of("pairwise"));
        body.put("id_token_signing_alg_values_supported", List.of("RS256"));
        body.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        body.put("code_challenge_methods_supported", List.of("S256", "plain"));
        body.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        body.put(
                "claims_supported",
                List.of(
                        "sub",
                        "iss",
                        "aud",
                        "exp",
                        "iat",
                        "nonce",
                        "name",
                        "preferred_username",
                        "email",
                        "oid",
                        "tid"));
        body.put("tenant_region_scope", "EU");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.write(body));
    }

    @ExceptionHandler(IdentityException.class)
    ResponseEntity<String> failed(IdentityException e) {
        return IdentityErrors.render(e, clock.now(), json);
    }
}
