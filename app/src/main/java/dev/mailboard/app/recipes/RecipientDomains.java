package dev.mailboard.app.recipes;

import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.mail.MailAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The tenant allowlist of S-55: a send action mails an address taken from a board field only when its
 * domain is the recipe mailbox's own or one of {@code mailboard.recipes.recipient-domains}. A board field
 * can be filled from a received mail, so without it any sender could make a recipe mail anyone.
 */
@Component
class RecipientDomains {

    static final String SETTING = "mailboard.recipes.recipient-domains";

    private final Set<String> allowed;
    private final Connections connections;

    RecipientDomains(RecipesProperties properties, Connections connections) {
        this.allowed = properties.recipientDomains().stream()
                .map(RecipientDomains::normalized)
                .filter(domain -> !domain.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.connections = connections;
    }

    /**
     * Why the recipe may not mail this address, or null when it may. An address that does not parse is left
     * to the strict address check, which refuses it with its own reason.
     */
    @Nullable
    String problem(Recipe recipe, String address) {
        String domain = domainOf(address);
        if (domain == null || allowed.contains(domain)) {
            return null;
        }
        Optional<String> own = connections
                .find(recipe.connectionId())
                .map(connection -> new MailAddress(connection.mailboxAddress(), "").domain());
        if (own.isPresent() && own.get().equals(domain)) {
            return null;
        }
        return address + ": the domain " + domain + " is not on the recipient allowlist (" + SETTING + ")";
    }

    /** The domain of an address outgoing mail accepts, in lower case; null for anything else. */
    static @Nullable String domainOf(String address) {
        return MailAddress.outgoing(address).map(MailAddress::domain).orElse(null);
    }

    private static String normalized(String domain) {
        String trimmed = domain.strip().toLowerCase(Locale.ROOT);
        return trimmed.startsWith("@") ? trimmed.substring(1) : trimmed;
    }
}
