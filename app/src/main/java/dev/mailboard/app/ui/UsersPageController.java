package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.DuplicateEmailException;
import dev.mailboard.app.accounts.Invitations;
import dev.mailboard.app.accounts.IssuedInvitation;
import dev.mailboard.app.accounts.LastAdminException;
import dev.mailboard.app.accounts.NewInvitation;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserId;
import dev.mailboard.app.accounts.UserView;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The users of the admin's account: list, invite, change role, deactivate. */
@Controller
class UsersPageController {

    private final Accounts accounts;
    private final Invitations invitations;

    UsersPageController(Accounts accounts, Invitations invitations) {
        this.accounts = accounts;
        this.invitations = invitations;
    }

    @GetMapping("/users")
    String users(CurrentUser admin, Model model) {
        return page(admin, model, null, null);
    }

    @PostMapping("/users/invitations")
    String invite(
            CurrentUser admin,
            @RequestParam String email,
            @RequestParam String displayName,
            @RequestParam String role,
            Model model,
            HttpServletResponse response) {
        try {
            IssuedInvitation issued =
                    invitations.invite(admin, new NewInvitation(email, displayName, Role.fromCode(role)));
            String link = issued.link();
            // Rendered, not redirected: the link must not wait in the session for the next request.
            return page(admin, model, link, issued.user().email());
        } catch (DuplicateEmailException | IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            return page(admin, model, null, null);
        }
    }

    @PostMapping("/users/{id}/role")
    String changeRole(
            CurrentUser admin, @PathVariable UUID id, @RequestParam String role, RedirectAttributes redirect) {
        try {
            UserView user = accounts.changeRole(admin, new UserId(id), Role.fromCode(role));
            redirect.addFlashAttribute(
                    "notice", user.email() + " is now " + user.role().code() + ".");
        } catch (LastAdminException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/deactivate")
    String deactivate(CurrentUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            UserView user = accounts.deactivate(admin, new UserId(id));
            redirect.addFlashAttribute("notice", user.email() + " is deactivated and can no longer sign in.");
        } catch (LastAdminException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/users";
    }

    private String page(CurrentUser admin, Model model, @Nullable String inviteLink, @Nullable String inviteEmail) {
        model.addAttribute("users", accounts.users(admin));
        model.addAttribute("inviteLink", inviteLink);
        model.addAttribute("inviteEmail", inviteEmail);
        model.addAttribute("notice", model.getAttribute("notice"));
        model.addAttribute("error", model.getAttribute("error"));
        return "accounts/users";
    }
}
