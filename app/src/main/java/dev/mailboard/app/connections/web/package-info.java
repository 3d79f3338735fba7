/** The REST API of the connections module, under {@code /api/v1/connections}. */
@NullMarked
package dev.mailboard.app.connections.web;

import org.jspecify.annotations.NullMarked;
