package dev.mailboard.app.recipes;

import java.time.Instant;

/**
 * What a recipe would have done with one recent mail. Nothing of the mail is stored.
 *
 * @param receivedAt when it arrived
 * @param from its sender as stated (not authenticated)
 * @param subject its subject
 * @param matches whether the recipe would act on it
 * @param outcome what it would do, for example {@code create item "Order 12"} or {@code skip: conditions not met: ...}
 */
public record PreviewLine(Instant receivedAt, String from, String subject, boolean matches, String outcome) {}
