/** The accounts module's REST API under {@code /api/v1}: the signed-in user, users, settings, tokens, audit log. */
@NullMarked
package dev.mailboard.app.accounts.web;

import org.jspecify.annotations.NullMarked;
