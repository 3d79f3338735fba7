package dev.mailboard.app.recipes;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of recipes, under {@code mailboard.recipes}.
 *
 * @param tinyImageSize images smaller than this are not copied as files (signature logos, tracking pixels)
 * @param mailRetention how long the run log keeps a mail's content for replays (S-62); the log line stays
 */
@ConfigurationProperties("mailboard.recipes")
record RecipesProperties(
        @DefaultValue("10KB") DataSize tinyImageSize,
        @DefaultValue("30d") Duration mailRetention) {}
