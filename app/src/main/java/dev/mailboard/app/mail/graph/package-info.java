/**
 * The Microsoft Graph client of the mail module: an HTTP interface over {@code RestClient}, records for
 * the fields used, typed failures, a per-mailbox limiter, and the limits on what is kept of a message.
 */
@NullMarked
package dev.mailboard.app.mail.graph;

import org.jspecify.annotations.NullMarked;
