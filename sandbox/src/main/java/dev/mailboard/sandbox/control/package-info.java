/** The sandbox-only control API and HTML page that tests, benchmarks and people use to drive the emulator. */
@NullMarked
package dev.mailboard.sandbox.control;

import org.jspecify.annotations.NullMarked;
