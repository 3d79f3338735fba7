/** Mailboard's service: each direct sub-package is a Spring Modulith application module. */
@NullMarked
package dev.mailboard.app;

import org.jspecify.annotations.NullMarked;
