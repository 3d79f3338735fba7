/**
 * Outlook mailboxes through Microsoft Graph: fetch, delta sync, send, subscriptions. Graph's wire types
 * stay inside the internal {@code graph} package.
 */
@NullMarked
@ApplicationModule(
        allowedDependencies = {
            "accounts",
            "connections",
            "jobs",
            "jobs :: spi",
            "operations",
            "text",
            "webhooks",
            "webhooks :: spi"
        })
package dev.mailboard.app.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
