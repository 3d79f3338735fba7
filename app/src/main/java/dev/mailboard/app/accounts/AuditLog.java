package dev.mailboard.app.accounts;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log of security events, one per account, readable by that account's admins.
 * Every module records its events here with {@link #record(AuditEntry)}.
 */
@Service
public class AuditLog {

    /** The largest page {@link #read(CurrentUser, int, int)} returns. */
    public static final int MAX_PAGE_SIZE = 200;

    private final AuditRepository entries;
    private final AdminCheck adminCheck;
    private final Clock clock;

    AuditLog(AuditRepository entries, AdminCheck adminCheck, Clock clock) {
        this.entries = entries;
        this.adminCheck = adminCheck;
        this.clock = clock;
    }

    /**
     * Appends an entry, stamped with the current time. Inside a transaction it is written (or rolled
     * back) together with the change it describes. Never pass a secret in any field.
     *
     * @param entry what happened
     */
    @Transactional
    public void record(AuditEntry entry) {
        entries.append(entry, clock.instant());
    }

    /**
     * Reads one page of the caller's account's log, newest first.
     *
     * @param reader the signed-in user; must be an admin
     * @param page the page number, from 0
     * @param size entries per page, 1 to {@value #MAX_PAGE_SIZE}
     * @return the page
     * @throws PermissionDeniedException when the reader is not an admin
     */
    @Transactional(readOnly = true)
    public AuditLogPage read(CurrentUser reader, int page, int size) {
        adminCheck.requireAdmin(reader);
        int pageNumber = Math.max(page, 0);
        int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        List<AuditEntryView> rows =
                entries.page(reader.accountId(), Math.multiplyExact(pageNumber, pageSize), pageSize + 1);
        boolean hasMore = rows.size() > pageSize;
        return new AuditLogPage(hasMore ? rows.subList(0, pageSize) : rows, pageNumber, pageSize, hasMore);
    }

    /**
     * Reads one entry of the caller's account's log.
     *
     * @param reader the signed-in user; must be an admin
     * @param id the entry's number
     * @return the entry
     * @throws PermissionDeniedException when the reader is not an admin
     * @throws UnknownIdException when the account has no such entry
     */
    @Transactional(readOnly = true)
    public AuditEntryView entry(CurrentUser reader, long id) {
        adminCheck.requireAdmin(reader);
        return entries.find(reader.accountId(), id)
                .orElseThrow(() -> new UnknownIdException("There is no audit entry " + id + " in your account."));
    }
}
