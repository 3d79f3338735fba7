package dev.mailboard.sandbox.store;

import dev.mailboard.sandbox.SandboxClock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The sandbox's users and their mailboxes, found by id or address. */
public final class Mailboxes {

    private static final List<String[]> WELL_KNOWN = List.of(
            new String[] {"msgfolderroot", "Top of Information Store"},
            new String[] {"inbox", "Inbox"},
            new String[] {"drafts", "Drafts"},
            new String[] {"sentitems", "Sent Items"},
            new String[] {"deleteditems", "Deleted Items"},
            new String[] {"junkemail", "Junk Email"},
            new String[] {"outbox", "Outbox"},
            new String[] {"archive", "Archive"},
            new String[] {"conversationhistory", "Conversation History"});

    private final ConcurrentMap<String, Mailbox> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> idByAddress = new ConcurrentHashMap<>();
    private final SandboxClock clock;
    private final StateChanges changes;

    public Mailboxes(SandboxClock clock, StateChanges changes) {
        this.clock = clock;
        this.changes = changes;
    }

    /** Creates a user and mailbox; empty if the address is taken. */
    public Optional<Mailbox> create(String address, String displayName) {
        var key = address.toLowerCase(Locale.ROOT);
        var id = Ids.guid();
        if (idByAddress.putIfAbsent(key, id) != null) {
            return Optional.empty();
        }
        var folders = new ArrayList<Folder>();
        for (var known : WELL_KNOWN) {
            folders.add(new Folder(Ids.opaque("AQMkAD", 30), known[0], known[1]));
        }
        var mailbox = new Mailbox(id, address, displayName, List.copyOf(folders), clock.now());
        byId.put(id, mailbox);
        changes.changed();
        return Optional.of(mailbox);
    }

    /** Finds a mailbox by user id or address (case-insensitive). */
    public Optional<Mailbox> find(String idOrAddress) {
        var direct = byId.get(idOrAddress);
        if (direct != null) {
            return Optional.of(direct);
        }
        var id = idByAddress.get(idOrAddress.toLowerCase(Locale.ROOT));
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** Every mailbox, in creation order. */
    public List<Mailbox> all() {
        return byId.values().stream()
                .sorted(java.util.Comparator.comparing(Mailbox::created))
                .toList();
    }

    Collection<Mailbox> snapshot() {
        return byId.values();
    }

    void restore(Collection<Mailbox> mailboxes) {
        for (var mailbox : mailboxes) {
            byId.put(mailbox.id(), mailbox);
            idByAddress.put(mailbox.address().toLowerCase(Locale.ROOT), mailbox.id());
        }
    }
}
