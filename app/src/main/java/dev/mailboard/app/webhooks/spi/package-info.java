/** What the module that owns subscriptions implements so that the webhook edge can check notifications. */
@NullMarked
@NamedInterface("spi")
package dev.mailboard.app.webhooks.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
