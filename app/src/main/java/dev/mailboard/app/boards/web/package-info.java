/** The boards REST API under {@code /api/v1} and its problem-detail mapping (internal). */
@NullMarked
package dev.mailboard.app.boards.web;

import org.jspecify.annotations.NullMarked;
