package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.AuditLog;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.connections.Connections;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The account's audit log, newest first, for its admins. */
@Controller
class AuditPageController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog auditLog;
    private final Accounts accounts;
    private final Connections connections;
    private final Boards boards;

    AuditPageController(AuditLog auditLog, Accounts accounts, Connections connections, Boards boards) {
        this.auditLog = auditLog;
        this.accounts = accounts;
        this.connections = connections;
        this.boards = boards;
    }

    /** What an id in the log stands for, in words: a user, a mailbox connection or a board of the account. */
    private Map<String, String> names(CurrentUser admin) {
        Map<String, String> names = new HashMap<>();
        accounts.users(admin.accountId())
                .forEach(u -> names.put(u.id().toString(), u.displayName() + " (" + u.email() + ")"));
        connections
                .listForAccount(admin)
                .forEach(c -> names.put(c.id().toString(), "the connection of " + c.mailboxAddress()));
        boards.boards(Actor.of(admin)).forEach(b -> names.put(b.id().toString(), "the board " + b.name()));
        return names;
    }

    @GetMapping("/audit")
    String audit(CurrentUser admin, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("log", auditLog.read(admin, page, PAGE_SIZE));
        model.addAttribute("names", names(admin));
        return "accounts/audit";
    }

    @GetMapping("/audit/{id}")
    String entry(CurrentUser admin, @PathVariable long id, Model model) {
        model.addAttribute("entry", auditLog.entry(admin, id));
        model.addAttribute("names", names(admin));
        return "accounts/audit-entry";
    }
}
