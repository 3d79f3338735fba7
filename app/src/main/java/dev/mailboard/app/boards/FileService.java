package dev.mailboard.app.boards;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Attaches files to items and updates, and finds them for download. */
@Service
class FileService {

    /** Types a browser would run as a document or script: stored as opaque bytes instead. */
    private static final Set<String> ACTIVE_TYPES = Set.of(
            "text/html",
            "application/xhtml+xml",
            "image/svg+xml",
            "text/xml",
            "application/xml",
            "text/javascript",
            "application/javascript",
            "application/x-javascript",
            "text/xsl");

    private final BoardAccess access;
    private final UpdateRepository updates;
    private final FileRepository files;
    private final FileStore store;
    private final Clock clock;

    FileService(BoardAccess access, UpdateRepository updates, FileRepository files, FileStore store, Clock clock) {
        this.access = access;
        this.updates = updates;
        this.files = files;
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    FileView attach(
            Actor actor,
            ItemId itemId,
            @Nullable UpdateId updateId,
            String fileName,
            @Nullable String contentType,
            InputStream content) {
        Caller caller = access.resolve(actor);
        access.requireForItem(caller, itemId, BoardRole.EDITOR);
        // checked before anything is read, so a denied upload stores nothing
        if (updateId != null && !updates.itemOf(updateId).map(itemId::equals).orElse(false)) {
            throw new BoardNotFoundException("update " + updateId + " on item " + itemId);
        }
        String name = fileName(fileName);
        FileStore.Stored stored = store.store(content);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    store.delete(stored.key());
                }
            }
        });
        FileView file = new FileView(
                new FileId(UUID.randomUUID()),
                itemId,
                updateId,
                name,
                contentType(contentType),
                stored.size(),
                caller.author(),
                clock.instant());
        files.insert(file, stored.key());
        return file;
    }

    @Transactional(readOnly = true)
    List<FileView> list(Actor actor, ItemId itemId) {
        access.requireForItem(access.resolve(actor), itemId, BoardRole.VIEWER);
        return files.findByItem(itemId);
    }

    @Transactional(readOnly = true)
    FileContent content(Actor actor, FileId id) {
        Caller caller = access.resolve(actor);
        FileRepository.StoredFile file = files.find(id).orElseThrow(() -> new BoardNotFoundException("file " + id));
        access.requireForItem(caller, file.view().itemId(), BoardRole.VIEWER, "file " + id);
        return new FileContent(file.view(), store.path(file.storageKey()));
    }

    static String fileName(String raw) {
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    static String contentType(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
        try {
            MediaType type = MediaType.parseMediaType(raw);
            String base = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
            if (type.isWildcardType()
                    || type.isWildcardSubtype()
                    || ACTIVE_TYPES.contains(base)
                    || base.length() > 100) {
                return MediaType.APPLICATION_OCTET_STREAM_VALUE;
            }
            return base;
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
    }
}
