package dev.mailboard.sandbox.store;

/** A mail address with its display name. */
public record Recipient(String name, String address) {}
