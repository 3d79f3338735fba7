/** Graph change-notification subscriptions, the validation handshake and notification delivery with retries. */
@NullMarked
package dev.mailboard.sandbox.notifications;

import org.jspecify.annotations.NullMarked;
