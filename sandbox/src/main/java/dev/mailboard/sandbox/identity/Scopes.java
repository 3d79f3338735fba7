package dev.mailboard.sandbox.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Parses scope strings: short or full-URI Graph scope names, any case, plus the OpenID scopes. */
final class Scopes {

    static final String GRAPH_PREFIX = "https://graph.microsoft.com/";
    static final Set<String> OPENID = Set.of("openid", "profile", "email", "offline_access");

    private static final Map<String, String> KNOWN = List.of(
                    "openid",
                    "profile",
                    "email",
                    "offline_access",
                    "User.Read",
                    "User.ReadBasic.All",
                    "Mail.Read",
                    "Mail.ReadBasic",
                    "Mail.ReadWrite",
                    "Mail.Send",
                    "Mail.Read.Shared",
                    "Mail.ReadWrite.Shared")
            .stream()
            .collect(Collectors.toMap(s -> s.toLowerCase(Locale.ROOT), s -> s));

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "openid", "Sign you in",
            "profile", "View your basic profile",
            "email", "View your email address",
            "offline_access", "Maintain access to data you have given it access to",
            "User.Read", "Sign you in and read your profile",
            "Mail.Read", "Read your mail",
            "Mail.ReadBasic", "Read basic mail properties (no bodies or attachments)",
            "Mail.ReadWrite", "Read and write access to your mail",
            "Mail.Send", "Send mail as you");

    private Scopes() {}

    /** Canonical scope names, or empty if one of them is unknown. */
    static Optional<Set<String>> parse(String raw) {
        var result = new LinkedHashSet<String>();
        for (var part : raw.trim().split("\\s+")) {
            if (part.isEmpty()) {
                continue;
            }
            var name = part.regionMatches(true, 0, GRAPH_PREFIX, 0, GRAPH_PREFIX.length())
                    ? part.substring(GRAPH_PREFIX.length())
                    : part;
            var known = KNOWN.get(name.toLowerCase(Locale.ROOT));
            if (known == null) {
                return Optional.empty();
            }
            result.add(known);
        }
        return Optional.of(result);
    }

    static String describe(String scope) {
        return DESCRIPTIONS.getOrDefault(scope, scope);
    }

    static String join(Set<String> scopes) {
        return String.join(" ", scopes);
    }

    static List<String> graphOnly(Set<String> scopes) {
        return scopes.stream().filter(s -> !OPENID.contains(s)).toList();
    }
}
