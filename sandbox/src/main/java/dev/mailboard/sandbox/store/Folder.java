package dev.mailboard.sandbox.store;

/** A mail folder; every sandbox folder is one of Outlook's well-known folders. */
public record Folder(String id, String wellKnownName, String displayName) {}
