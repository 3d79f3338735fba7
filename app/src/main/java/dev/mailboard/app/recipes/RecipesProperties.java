package dev.mailboard.app.recipes;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of recipes, under {@code mailboard.recipes}.
 *
 * @param tinyImageSize images smaller than this are not copied as files (signature logos, tracking pixels)
 * @param mailRetention how long the run log keeps a mail's content for replays (S-62); the log line stays
 * @param recipientDomains the domains, beside the recipe mailbox's own, that a send action may mail from a
 *     board field (S-55); empty: the mailbox's own domain only
 */
@ConfigurationProperties("mailboard.recipes")
record RecipesProperties(
        @DefaultValue("10KB") DataSize tinyImageSize,
        @DefaultValue("30d") Duration mailRetention,
        @DefaultValue List<String> recipientDomains) {}
