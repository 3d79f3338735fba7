package dev.mailboard.app.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of how Mailboard is operated.
 *
 * @param metricsPublic whether {@code /actuator/prometheus} answers without signing in (for a scraper
 *     on a private network); by default only account admins may read it
 * @param maxJsonBody the largest JSON request body the API accepts; larger ones get 413
 */
@ConfigurationProperties("mailboard.operations")
record OperationsProperties(
        @DefaultValue("false") boolean metricsPublic,
        @DefaultValue("1MB") DataSize maxJsonBody) {}
