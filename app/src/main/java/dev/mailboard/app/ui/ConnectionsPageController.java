package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.ContentSecurityPolicy;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.connections.ConnectFlow;
import dev.mailboard.app.connections.ConnectOutcome;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.connections.ConnectionView;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.mail.CatchUpStatus;
import dev.mailboard.app.mail.Mailboxes;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Integrations page: connect, reconnect and disconnect Outlook mailboxes, and the OAuth callback. */
@Controller
class ConnectionsPageController {

    private final Connections connections;
    private final ConnectFlow connectFlow;
    private final Mailboxes mailboxes;
    private final Accounts accounts;

    ConnectionsPageController(
            Connections connections, ConnectFlow connectFlow, Mailboxes mailboxes, Accounts accounts) {
        this.connections = connections;
        this.connectFlow = connectFlow;
        this.mailboxes = mailboxes;
        this.accounts = accounts;
    }

    /** The account's people by id, as "Name (address)", to show who owns a connection. */
    private Map<String, String> owners(CurrentUser admin) {
        Map<String, String> names = new HashMap<>();
        accounts.users(admin.accountId())
                .forEach(u -> names.put(u.id().toString(), u.displayName() + " (" + u.email() + ")"));
        return names;
    }

    @GetMapping("/integrations")
    String integrations(CurrentUser user, Model model, HttpServletResponse response) {
        // The connect form redirects to the provider's login page: allow that origin as a form target.
        response.setHeader(
                "Content-Security-Policy", ContentSecurityPolicy.allowingFormTarget(connectFlow.authorizationOrigin()));
        List<ConnectionView> all = user.isAdmin() ? connections.listForAccount(user) : List.of();
        List<ConnectionView> mine = connections.listFor(user);
        Map<String, CatchUpStatus> catchUps = new HashMap<>();
        for (ConnectionView connection : mine) {
            mailboxes
                    .catchUpRunning(connection.id())
                    .ifPresent(status -> catchUps.put(connection.id().toString(), status));
        }
        model.addAttribute("mine", mine);
        model.addAttribute("catchUps", catchUps);
        model.addAttribute("all", all);
        model.addAttribute("owners", all.isEmpty() ? Map.of() : owners(user));
        model.addAttribute("notice", model.getAttribute("notice"));
        model.addAttribute("error", model.getAttribute("error"));
        return "connections/integrations";
    }

    @PostMapping("/integrations/connect")
    String connect(CurrentUser user, HttpSession session, @RequestParam(required = false) @Nullable String returnTo) {
        return "redirect:" + connectFlow.start(user, session, returnTo);
    }

    @PostMapping("/integrations/{id}/send-permission")
    String sendPermission(
            CurrentUser user,
            HttpSession session,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String returnTo) {
        return "redirect:" + connectFlow.requestSendPermission(user, session, new ConnectionId(id), returnTo);
    }

    @GetMapping(ConnectFlow.CALLBACK_PATH)
    String callback(
            CurrentUser user,
            HttpSession session,
            @RequestParam Map<String, String> params,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        // The URL carries the code and state: never leak it onward, never cache the answer (S-8).
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        ConnectOutcome outcome = connectFlow.complete(user, session, params);
        redirect.addFlashAttribute(outcome.connected() ? "notice" : "error", outcome.message());
        return "redirect:" + outcome.returnTo();
    }

    @PostMapping("/integrations/{id}/disconnect")
    String disconnect(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        ConnectionView connection = connections.get(user, new ConnectionId(id));
        connections.disconnect(user, connection.id());
        redirect.addFlashAttribute(
                "notice", "Disconnected " + connection.mailboxAddress() + "; its tokens are destroyed.");
        return "redirect:/integrations";
    }
}
