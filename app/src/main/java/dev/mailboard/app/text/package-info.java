/**
 * Safe rich text: the one allowlist sanitizer for every piece of HTML Mailboard stores or shows, whether
 * a user typed it on a board or it came in an email (S-59). Used by boards and mail alike.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package dev.mailboard.app.text;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
