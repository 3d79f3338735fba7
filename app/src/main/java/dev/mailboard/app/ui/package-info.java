/** Server-rendered pages (jte templates and htmx); no business logic lives here. */
@NullMarked
@ApplicationModule(allowedDependencies = {"accounts", "boards", "connections", "mail", "recipes"})
package dev.mailboard.app.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
