package dev.mailboard.app.boards;

import org.springframework.util.unit.DataSize;

/** Thrown when a file is larger than the configured limit (413); nothing is stored. */
public class FileTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param limit the configured limit
     */
    public FileTooLargeException(DataSize limit) {
        super("The file is larger than the limit of " + describe(limit) + "; nothing was stored");
    }

    /**
     * A limit as people read it.
     *
     * @param limit the limit
     * @return for example {@code 25 MB}
     */
    public static String describe(DataSize limit) {
        long bytes = limit.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return limit.toMegabytes() + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return limit.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
