package dev.mailboard.app.operations;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings every module shares.
 *
 * @param dataDir where the embedded database, generated keys and files live ({@code MAILBOARD_DATA_DIR})
 * @param publicUrl the address users and Microsoft reach Mailboard at ({@code MAILBOARD_PUBLIC_URL})
 */
@ConfigurationProperties("mailboard")
record ServiceProperties(Path dataDir, URI publicUrl) {}
