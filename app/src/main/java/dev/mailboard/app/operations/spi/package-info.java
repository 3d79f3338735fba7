/** What other modules implement for the operations endpoints: how a scraper's request is signed in. */
@NullMarked
@NamedInterface("spi")
package dev.mailboard.app.operations.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
