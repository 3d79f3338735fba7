/**
 * Boards, their columns, items, updates and files; board membership; the item activity log. The
 * public surface is {@link dev.mailboard.app.boards.Boards}, the id, view and command records, the
 * events and the exceptions callers handle. HTML goes through {@link dev.mailboard.app.text.RichText}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"accounts", "text"})
package dev.mailboard.app.boards;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
