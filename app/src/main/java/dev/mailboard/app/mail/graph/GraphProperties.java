package dev.mailboard.app.mail.graph;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Microsoft Graph client.
 *
 * @param baseUrl Graph's versioned base URL; Microsoft's is {@code https://graph.microsoft.com/v1.0}
 * @param connectTimeout how long a TCP/TLS connect may take
 * @param readTimeout how long a response may take
 * @param maxConcurrentPerMailbox requests in flight per mailbox (Outlook allows 4 per app and mailbox)
 * @param slotWait how long a call waits for a free slot of its mailbox before it fails as throttled
 * @param requestBudget requests per mailbox per {@code budgetWindow}, kept under Outlook's 10,000
 * @param budgetWindow the sliding window of {@code requestBudget}
 * @param allowedLinkHost the only host {@code @odata.nextLink}/{@code deltaLink} may point at; blank means
 *     the base URL's host (S-33)
 * @param maxBodySize the body and unique body kept of a message, in characters; longer ones are cut and
 *     marked (S-57)
 * @param maxResponseSize the largest JSON answer read; a message over it is read again without its body
 * @param maxAttachments attachments whose content is copied; the rest are kept as references
 * @param maxAttachmentSize the largest attachment whose content is copied
 * @param deltaPageSize the {@code odata.maxpagesize} asked for on delta pages
 * @param batchRetries how often the failed inner requests of a {@code $batch} are retried in the same call
 * @param maxInlineRetryWait the longest Retry-After a batch retry waits for in the same call
 */
@ConfigurationProperties("mailboard.mail.graph")
record GraphProperties(
        @DefaultValue("https://graph.microsoft.com/v1.0") URI baseUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("4") int maxConcurrentPerMailbox,
        @DefaultValue("10s") Duration slotWait,
        @DefaultValue("9000") int requestBudget,
        @DefaultValue("10m") Duration budgetWindow,
        @Nullable String allowedLinkHost,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("16MB") DataSize maxResponseSize,
        @DefaultValue("10") int maxAttachments,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("50") int deltaPageSize,
        @DefaultValue("2") int batchRetries,
        @DefaultValue("5s") Duration maxInlineRetryWait) {

    GraphProperties {
        require(baseUrl.isAbsolute() && baseUrl.getHost() != null, "base-url must be an absolute URL", baseUrl);
        String scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT);
        require(scheme.equals("https") || scheme.equals("http"), "base-url must be http(s)", baseUrl);
        require(baseUrl.getRawQuery() == null, "base-url must carry no query", baseUrl);
        require(positive(connectTimeout) && positive(readTimeout), "timeouts must be positive", readTimeout);
        require(maxConcurrentPerMailbox > 0, "max-concurrent-per-mailbox must be positive", maxConcurrentPerMailbox);
        require(requestBudget > 0 && positive(budgetWindow), "request-budget and budget-window", requestBudget);
        require(maxBodySize.toBytes() > 0 && maxResponseSize.toBytes() > 0, "sizes must be positive", maxBodySize);
        require(maxAttachments >= 0 && maxAttachmentSize.toBytes() >= 0, "attachment limits", maxAttachments);
        require(deltaPageSize > 0 && deltaPageSize <= 1000, "delta-page-size must be 1-1000", deltaPageSize);
        require(batchRetries >= 0 && !maxInlineRetryWait.isNegative(), "batch retry settings", batchRetries);
    }

    /** The same settings against another Graph base URL (the sandbox on a port known only at run time). */
    GraphProperties withBaseUrl(URI url) {
        return new GraphProperties(
                url,
                connectTimeout,
                readTimeout,
                maxConcurrentPerMailbox,
                slotWait,
                requestBudget,
                budgetWindow,
                allowedLinkHost,
                maxBodySize,
                maxResponseSize,
                maxAttachments,
                maxAttachmentSize,
                deltaPageSize,
                batchRetries,
                maxInlineRetryWait);
    }

    /** The host links from Graph must point at. */
    String linkHost() {
        return allowedLinkHost == null || allowedLinkHost.isBlank()
                ? String.valueOf(baseUrl.getHost())
                : allowedLinkHost.trim();
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String rule, Object value) {
        if (!condition) {
            throw new IllegalArgumentException("mailboard.mail.graph: " + rule + " (got " + value + ")");
        }
    }
}
