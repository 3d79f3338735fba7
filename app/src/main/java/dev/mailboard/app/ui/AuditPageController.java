package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.AuditLog;
import dev.mailboard.app.accounts.CurrentUser;
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

    AuditPageController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/audit")
    String audit(CurrentUser admin, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("log", auditLog.read(admin, page, PAGE_SIZE));
        return "accounts/audit";
    }

    @GetMapping("/audit/{id}")
    String entry(CurrentUser admin, @PathVariable long id, Model model) {
        model.addAttribute("entry", auditLog.entry(admin, id));
        return "accounts/audit-entry";
    }
}
