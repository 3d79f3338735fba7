/** In-memory sandbox state (users, mailboxes, messages, grants, subscriptions) and its JSON snapshot on disk. */
@NullMarked
package dev.mailboard.sandbox.store;

import org.jspecify.annotations.NullMarked;
