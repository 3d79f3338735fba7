package dev.mailboard.app.boards;

import java.nio.file.Path;

/**
 * A file and where its bytes are.
 *
 * @param file the file
 * @param path the stored bytes (read-only)
 */
public record FileContent(FileView file, Path path) {}
