package dev.mailboard.app.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A personal API token as its owner sees it in lists: never the token or its hash.
 *
 * @param id the token's id
 * @param name the owner's name for it
 * @param prefix the token's first characters, to tell tokens apart
 * @param createdAt when it was created
 * @param lastUsedAt when it was last used, or null if never
 */
public record ApiTokenView(
        ApiTokenId id,
        String name,
        String prefix,
        Instant createdAt,
        @Nullable Instant lastUsedAt) {}
