package dev.mailboard.app.accounts;

import java.util.List;

/**
 * One page of an account's audit log, newest first.
 *
 * @param entries the entries on this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param hasMore whether an older page follows
 */
public record AuditLogPage(List<AuditEntryView> entries, int page, int size, boolean hasMore) {

    /** Copies the list. */
    public AuditLogPage {
        entries = List.copyOf(entries);
    }
}
