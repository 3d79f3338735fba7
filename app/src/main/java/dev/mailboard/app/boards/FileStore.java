package dev.mailboard.app.boards;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the bytes of attached files under {@code mailboard.boards.files-dir}, one file per attachment
 * named by a random key. A file is written to a temporary name first and moved in place only when it
 * is complete and within the size limit, so an oversized upload leaves nothing behind.
 */
@Component
class FileStore {

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);

    private final BoardsProperties properties;

    FileStore(BoardsProperties properties) {
        this.properties = properties;
    }

    /** Stores the content and returns its key and size; throws {@link FileTooLargeException} over the limit. */
    Stored store(InputStream content) {
        String key = UUID.randomUUID().toString();
        Path target = path(key);
        Path partial = target.resolveSibling(key + ".partial");
        long limit = properties.maxFileSize().toBytes();
        try {
            Files.createDirectories(target.getParent());
            long size = copy(content, partial, limit);
            if (size > limit) {
                Files.deleteIfExists(partial);
                throw new FileTooLargeException(properties.maxFileSize());
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new Stored(key, size);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Could not store the file", e);
        }
    }

    Path path(String key) {
        if (!key.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("Not a storage key");
        }
        return properties.filesDir().resolve(key.substring(0, 2)).resolve(key);
    }

    void delete(String key) {
        deleteQuietly(path(key));
    }

    /** Copies at most limit + 1 bytes, so that an oversized stream is not read to its end. */
    private static long copy(InputStream content, Path partial, long limit) throws IOException {
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(partial)) {
            int read;
            while ((read = content.read(buffer)) != -1) {
                size += read;
                if (size > limit) {
                    return size;
                }
                out.write(buffer, 0, read);
            }
        }
        return size;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", path, e.getMessage());
        }
    }

    /** A stored file's key and size. */
    record Stored(String key, long size) {}
}
