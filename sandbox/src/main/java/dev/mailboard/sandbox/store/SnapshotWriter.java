package dev.mailboard.sandbox.store;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.SandboxJson;
import dev.mailboard.sandbox.SandboxProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Loads the state snapshot at start and writes it, debounced and atomically, after changes. Each write
 * serialises the whole state, so the wait before the next one grows with the time the last one took: a
 * mailbox holding thousands of messages is written a little less often instead of taking a core.
 */
public final class SnapshotWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SnapshotWriter.class);
    private static final long DEBOUNCE_MILLIS = 200;
    /** The wait before a write is at least this many times the last write's duration (at most ~5% of a core). */
    private static final long WAIT_PER_WRITE_TIME = 20;

    private final @Nullable Path file;
    private final SandboxJson json;
    private final SandboxClock clock;
    private final Mailboxes mailboxes;
    private final MailStore mail;
    private final IdentityStore identity;
    private final SubscriptionStore subscriptions;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastWriteMillis;
    private final ScheduledExecutorService executor;

    public SnapshotWriter(
            SandboxProperties properties,
            SandboxJson json,
            SandboxClock clock,
            StateChanges changes,
            Mailboxes mailboxes,
            MailStore mail,
            IdentityStore identity,
            SubscriptionStore subscriptions) {
        var dir = properties.dataDir();
        this.file = dir == null ? null : dir.resolve("state.json");
        this.json = json;
        this.clock = clock;
        this.mailboxes = mailboxes;
        this.mail = mail;
        this.identity = identity;
        this.subscriptions = subscriptions;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "sandbox-snapshot");
            thread.setDaemon(true);
            return thread;
        });
        load();
        changes.onChange(this::schedule);
    }

    private void load() {
        var target = file;
        if (target == null || !Files.exists(target)) {
            return;
        }
        try {
            var snapshot = json.mapper().readValue(Files.readString(target), Snapshot.class);
            clock.restore(snapshot.clockOffset());
            mailboxes.restore(snapshot.mailboxes());
            mail.restore(snapshot.seq(), snapshot.messages(), snapshot.tombstones(), snapshot.sent());
            identity.restore(snapshot.apps(), snapshot.refreshTokens(), snapshot.tokensValidFrom());
            subscriptions.restore(snapshot.subscriptions());
            log.info("Sandbox state loaded from {}", target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox state " + target, e);
        }
    }

    private void schedule() {
        if (file != null && scheduled.compareAndSet(false, true)) {
            executor.schedule(
                    this::write,
                    Math.max(DEBOUNCE_MILLIS, WAIT_PER_WRITE_TIME * lastWriteMillis),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Writes the snapshot now (no-op without a data directory). */
    public synchronized void write() {
        scheduled.set(false);
        var target = file;
        if (target == null) {
            return;
        }
        long started = System.nanoTime();
        var snapshot = new Snapshot(
                1,
                clock.offset(),
                mail.currentSeq(),
                List.copyOf(mailboxes.snapshot()),
                List.copyOf(mail.messagesSnapshot()),
                mail.tombstonesSnapshot(),
                mail.sentSnapshot(),
                List.copyOf(identity.appsSnapshot()),
                List.copyOf(identity.refreshSnapshot()),
                identity.validFromSnapshot(),
                List.copyOf(subscriptions.snapshot()));
        try {
            Files.createDirectories(target.getParent());
            var temp = target.resolveSibling("state.json.tmp");
            Files.writeString(temp, json.write(snapshot));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not write sandbox state to {}: {}", target, e.toString());
        }
        lastWriteMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        write();
    }
}
