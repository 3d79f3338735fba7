package dev.mailboard.sandbox.store;

/** A record that a message left a folder (deleted or moved away), kept for delta queries. */
public record Tombstone(String mailboxId, String folderId, String immutableId, String restId, long seq) {}
