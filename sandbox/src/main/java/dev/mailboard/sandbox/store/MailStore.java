package dev.mailboard.sandbox.store;

import dev.mailboard.sandbox.SandboxClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Every message of every mailbox, indexed by both id forms, with the tombstones delta queries need. */
public final class MailStore {

    private static final int MAX_TOMBSTONES = 20_000;
    private static final int MAX_SENT = 2_000;

    private final ConcurrentMap<String, StoredMessage> messages = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> immutableByRestId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<String>> idsByMailbox = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentLinkedDeque<Tombstone>> tombstones = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentLinkedDeque<SentRecord>> sent = new ConcurrentHashMap<>();
    private final List<Consumer<MailChange>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private final SandboxClock clock;
    private final StateChanges changes;

    public MailStore(SandboxClock clock, StateChanges changes) {
        this.clock = clock;
        this.changes = changes;
    }

    /** Registers a listener for every message change. */
    public void onChange(Consumer<MailChange> listener) {
        listeners.add(listener);
    }

    /** Puts a new message into a folder. */
    public StoredMessage insert(
            String mailboxId, String folderId, MessageContent content, boolean read, boolean draft) {
        var now = clock.now();
        long next = seq.incrementAndGet();
        var message = new StoredMessage(
                Ids.opaque("AAkALg", 33),
                Ids.opaque("AAMkAG", 48),
                mailboxId,
                folderId,
                next,
                next,
                now,
                now,
                now,
                read,
                draft,
                1,
                content);
        messages.put(message.immutableId(), message);
        immutableByRestId.put(message.restId(), message.immutableId());
        idsByMailbox
                .computeIfAbsent(mailboxId, k -> ConcurrentHashMap.newKeySet())
                .add(message.immutableId());
        publish(new MailChange(MailChange.Kind.CREATED, folderId, message.restId(), message));
        return message;
    }

    /** Finds a message by its immutable or its current default id. */
    public Optional<StoredMessage> find(String id) {
        var message = messages.get(id);
        if (message != null) {
            return Optional.of(message);
        }
        var immutable = immutableByRestId.get(id);
        return immutable == null ? Optional.empty() : Optional.ofNullable(messages.get(immutable));
    }

    /** The messages of one mailbox. */
    public Stream<StoredMessage> inMailbox(String mailboxId) {
        return idsByMailbox.getOrDefault(mailboxId, Set.of()).stream()
                .map(messages::get)
                .filter(java.util.Objects::nonNull);
    }

    /** Moves a message to another folder; its default id changes, its immutable id does not. */
    public Optional<StoredMessage> move(String id, String folderId) {
        var current = find(id).orElse(null);
        if (current == null) {
            return Optional.empty();
        }
        if (current.folderId().equals(folderId)) {
            return Optional.of(current);
        }
        var moved = current.moved(Ids.opaque("AAMkAG", 48), folderId, seq.incrementAndGet(), clock.now());
        messages.put(moved.immutableId(), moved);
        immutableByRestId.remove(current.restId());
        immutableByRestId.put(moved.restId(), moved.immutableId());
        bury(current, moved.seq());
        publish(new MailChange(MailChange.Kind.DELETED, current.folderId(), current.restId(), current));
        publish(new MailChange(MailChange.Kind.CREATED, folderId, moved.restId(), moved));
        return Optional.of(moved);
    }

    /** Changes read state, draft state or content. */
    public Optional<StoredMessage> update(String id, boolean read, boolean draft, MessageContent content) {
        var current = find(id).orElse(null);
        if (current == null) {
            return Optional.empty();
        }
        var updated = current.changed(seq.incrementAndGet(), clock.now(), read, draft, content);
        messages.put(updated.immutableId(), updated);
        publish(new MailChange(MailChange.Kind.UPDATED, updated.folderId(), updated.restId(), updated));
        return Optional.of(updated);
    }

    /** Deletes a message for good. */
    public Optional<StoredMessage> delete(String id) {
        var current = find(id).orElse(null);
        if (current == null || messages.remove(current.immutableId()) == null) {
            return Optional.empty();
        }
        immutableByRestId.remove(current.restId());
        idsByMailbox.getOrDefault(current.mailboxId(), Set.of()).remove(current.immutableId());
        bury(current, seq.incrementAndGet());
        publish(new MailChange(MailChange.Kind.DELETED, current.folderId(), current.restId(), current));
        return Optional.of(current);
    }

    /** The tombstones of a folder with a sequence number in {@code (after, upTo]}. */
    public List<Tombstone> tombstones(String mailboxId, String folderId, long after, long upTo) {
        var result = new ArrayList<Tombstone>();
        for (var t : tombstones.getOrDefault(mailboxId, new ConcurrentLinkedDeque<>())) {
            if (t.folderId().equals(folderId) && t.seq() > after && t.seq() <= upTo) {
                result.add(t);
            }
        }
        return result;
    }

    /** The latest change sequence number. */
    public long currentSeq() {
        return seq.get();
    }

    /** Records that a mailbox sent a message. */
    public void recordSent(SentRecord record) {
        var log = sent.computeIfAbsent(record.mailboxId(), k -> new ConcurrentLinkedDeque<>());
        log.addFirst(record);
        while (log.size() > MAX_SENT) {
            log.pollLast();
        }
        changes.changed();
    }

    /** What a mailbox sent, newest first. */
    public List<SentRecord> sentBy(String mailboxId) {
        return List.copyOf(sent.getOrDefault(mailboxId, new ConcurrentLinkedDeque<>()));
    }

    /** The time the sandbox considers current. */
    public Instant now() {
        return clock.now();
    }

    private void bury(StoredMessage message, long at) {
        var list = tombstones.computeIfAbsent(message.mailboxId(), k -> new ConcurrentLinkedDeque<>());
        list.addLast(
                new Tombstone(message.mailboxId(), message.folderId(), message.immutableId(), message.restId(), at));
        while (list.size() > MAX_TOMBSTONES) {
            list.pollFirst();
        }
    }

    private void publish(MailChange change) {
        changes.changed();
        listeners.forEach(listener -> listener.accept(change));
    }

    Collection<StoredMessage> messagesSnapshot() {
        return messages.values();
    }

    List<Tombstone> tombstonesSnapshot() {
        return tombstones.values().stream().flatMap(Collection::stream).toList();
    }

    List<SentRecord> sentSnapshot() {
        return sent.values().stream().flatMap(Collection::stream).toList();
    }

    void restore(long lastSeq, Collection<StoredMessage> stored, List<Tombstone> buried, List<SentRecord> sentLog) {
        seq.set(lastSeq);
        for (var m : stored) {
            messages.put(m.immutableId(), m);
            immutableByRestId.put(m.restId(), m.immutableId());
            idsByMailbox
                    .computeIfAbsent(m.mailboxId(), k -> ConcurrentHashMap.newKeySet())
                    .add(m.immutableId());
        }
        buried.forEach(t -> tombstones
                .computeIfAbsent(t.mailboxId(), k -> new ConcurrentLinkedDeque<>())
                .addLast(t));
        sentLog.forEach(s -> sent.computeIfAbsent(s.mailboxId(), k -> new ConcurrentLinkedDeque<>())
                .addLast(s));
    }
}
