package dev.mailboard.sandbox.store;

/** One internet message header. */
public record Header(String name, String value) {}
