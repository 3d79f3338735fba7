package dev.mailboard.app.mail.graph;

/**
 * An internet message header.
 *
 * @param name the header name
 * @param value the header value
 */
public record GraphHeader(String name, String value) {}
