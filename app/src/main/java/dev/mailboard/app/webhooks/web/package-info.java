/** The HTTP endpoints Graph posts notifications to, and the checks they make before storing. */
@NullMarked
package dev.mailboard.app.webhooks.web;

import org.jspecify.annotations.NullMarked;
