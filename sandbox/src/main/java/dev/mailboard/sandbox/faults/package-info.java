/** Seeded, repeatable fault injection and the per-app-and-mailbox throttling of the emulated Graph API. */
@NullMarked
package dev.mailboard.sandbox.faults;

import org.jspecify.annotations.NullMarked;
