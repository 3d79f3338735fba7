/** The emulated Microsoft Graph v1.0 mail API: users, mail folders, messages, attachments, sending, delta and batching. */
@NullMarked
package dev.mailboard.sandbox.graph;

import org.jspecify.annotations.NullMarked;
