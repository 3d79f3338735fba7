/**
 * Mailboard's benchmark harness: one command ({@code ./bench/run}) runs the scenarios against a Mailboard
 * it starts as a child process, prints a summary table and writes one JSON file per scenario.
 */
@NullMarked
package dev.mailboard.bench;

import org.jspecify.annotations.NullMarked;
