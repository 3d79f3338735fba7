package dev.mailboard.sandbox.identity;

import dev.mailboard.sandbox.SandboxProperties;
import java.util.Locale;
import java.util.Set;

/** Checks the {tenant} path segment: an alias (common, organizations, consumers) or the sandbox tenant. */
final class Tenants {

    private static final Set<String> ALIASES = Set.of("common", "organizations", "consumers");

    private final SandboxProperties properties;

    Tenants(SandboxProperties properties) {
        this.properties = properties;
    }

    void check(String tenant) {
        var lower = tenant.toLowerCase(Locale.ROOT);
        if (!ALIASES.contains(lower)
                && !lower.equals(properties.tenantId().toLowerCase(Locale.ROOT))
                && !lower.equals(properties.tenantDomain().toLowerCase(Locale.ROOT))) {
            throw new IdentityException(
                    "invalid_request",
                    90002,
                    "Tenant '" + tenant + "' not found. Check to make sure you have the"
                            + " correct tenant ID and are signing into the correct cloud.");
        }
    }

    boolean isAlias(String tenant) {
        return ALIASES.contains(tenant.toLowerCase(Locale.ROOT));
    }

    String id() {
        return properties.tenantId();
    }
}
