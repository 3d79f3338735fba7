package dev.mailboard.sandbox.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A sandbox user and their mailbox. */
public record Mailbox(String id, String address, String displayName, List<Folder> folders, Instant created) {

    /** The folder with this id or well-known name (case-insensitive). */
    public Optional<Folder> folder(String idOrName) {
        var name = idOrName.toLowerCase(Locale.ROOT);
        return folders.stream()
                .filter(f -> f.id().equals(idOrName) || f.wellKnownName().equals(name))
                .findFirst();
    }

    /** The folder with this well-known name, which every mailbox has. */
    public Folder wellKnown(String name) {
        return folder(name).orElseThrow(() -> new IllegalStateException("missing folder " + name));
    }
}
