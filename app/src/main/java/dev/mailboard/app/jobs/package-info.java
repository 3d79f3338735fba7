/**
 * Durable background jobs on the shared database (db-scheduler): anything that calls Microsoft, retries,
 * or runs on a schedule. Features plug in through {@link dev.mailboard.app.jobs.spi}; this module knows no
 * feature.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package dev.mailboard.app.jobs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
