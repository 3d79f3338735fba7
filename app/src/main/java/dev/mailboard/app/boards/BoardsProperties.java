package dev.mailboard.app.boards;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the boards module.
 *
 * @param filesDir where attached files are stored
 * @param maxFileSize the largest file that may be attached; keep
 *     {@code spring.servlet.multipart.max-file-size} equal to it
 */
@ConfigurationProperties("mailboard.boards")
record BoardsProperties(Path filesDir, DataSize maxFileSize) {}
