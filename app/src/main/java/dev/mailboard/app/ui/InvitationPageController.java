package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.InvitationInvalidException;
import dev.mailboard.app.accounts.Invitations;
import dev.mailboard.app.accounts.WeakPasswordException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public page where an invited user chooses their password. */
@Controller
class InvitationPageController {

    private final Invitations invitations;

    InvitationPageController(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitations/accepted")
    String accepted(Model model) {
        model.addAttribute("accepted", true);
        model.addAttribute("message", "You can now sign in with your email address and the password you chose.");
        return "accounts/invitation-done";
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            return form(token, null, model);
        } catch (InvitationInvalidException e) {
            return invalid(e, model, response);
        }
    }

    @PostMapping("/invitations/{token}")
    String accept(
            @PathVariable String token,
            @RequestParam String password,
            @RequestParam String confirmation,
            Model model,
            HttpServletResponse response) {
        try {
            if (!password.equals(confirmation)) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return form(token, "The two passwords differ. Type the same password twice.", model);
            }
            try {
                invitations.accept(token, password);
            } catch (WeakPasswordException e) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return form(token, e.getMessage(), model);
            }
        } catch (InvitationInvalidException e) {
            return invalid(e, model, response);
        }
        return "redirect:/invitations/accepted";
    }

    private static String invalid(InvitationInvalidException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("accepted", false);
        model.addAttribute("message", e.getMessage());
        return "accounts/invitation-done";
    }

    private String form(String token, @Nullable String error, Model model) {
        model.addAttribute("invitee", invitations.invitee(token));
        model.addAttribute("token", token);
        model.addAttribute("error", error);
        return "accounts/invitation";
    }
}
