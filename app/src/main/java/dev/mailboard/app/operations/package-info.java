/**
 * How Mailboard is run: configuration checks, the HTTP error format and body limits for the API,
 * and access to health and metrics endpoints.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package dev.mailboard.app.operations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
