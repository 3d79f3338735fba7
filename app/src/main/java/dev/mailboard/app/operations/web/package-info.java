/** HTTP endpoints of the operations module that exist only for measuring Mailboard. */
@NullMarked
package dev.mailboard.app.operations.web;

import org.jspecify.annotations.NullMarked;
