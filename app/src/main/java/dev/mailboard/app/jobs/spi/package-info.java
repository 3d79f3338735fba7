/** What a feature implements to run background work: job handlers, their outcomes and recurring jobs. */
@NullMarked
@NamedInterface("spi")
package dev.mailboard.app.jobs.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
