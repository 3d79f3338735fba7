package dev.mailboard.app.accounts.web;

import dev.mailboard.app.accounts.AuditEntryView;
import dev.mailboard.app.accounts.AuditLog;
import dev.mailboard.app.accounts.AuditLogPage;
import dev.mailboard.app.accounts.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The account's audit log, newest first. Admins only. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit log", description = "Security events of your account (admins only)")
class AuditRestController {

    private final AuditLog auditLog;

    AuditRestController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    @Operation(summary = "One page of the audit log, newest first")
    Page entries(
            CurrentUser admin,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        AuditLogPage result = auditLog.read(admin, page, size);
        return new Page(
                result.entries().stream().map(Entry::of).toList(), result.page(), result.size(), result.hasMore());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One audit entry of your account")
    Entry entry(CurrentUser admin, @PathVariable long id) {
        return Entry.of(auditLog.entry(admin, id));
    }

    /** One page of entries. */
    record Page(List<Entry> entries, int page, int size, boolean hasMore) {}

    /** One entry. */
    record Entry(
            long id,
            Instant occurredAt,
            @Nullable String actorId,
            String actor,
            String action,
            String target,
            String outcome,
            String detail) {

        static Entry of(AuditEntryView view) {
            return new Entry(
                    view.id(),
                    view.occurredAt(),
                    view.actorId() == null ? null : view.actorId().toString(),
                    view.actorLabel(),
                    view.action(),
                    view.target(),
                    view.outcome().code(),
                    view.detail());
        }
    }
}
