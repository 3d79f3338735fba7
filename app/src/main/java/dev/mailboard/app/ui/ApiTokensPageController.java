package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.ApiTokenId;
import dev.mailboard.app.accounts.ApiTokens;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.IssuedApiToken;
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

/** The signed-in user's personal API tokens: list, create (shown once), revoke. */
@Controller
class ApiTokensPageController {

    private final ApiTokens apiTokens;

    ApiTokensPageController(ApiTokens apiTokens) {
        this.apiTokens = apiTokens;
    }

    @GetMapping("/tokens")
    String tokens(CurrentUser user, Model model) {
        return page(user, model, null);
    }

    @PostMapping("/tokens")
    String create(CurrentUser user, @RequestParam String name, Model model, HttpServletResponse response) {
        try {
            IssuedApiToken issued = apiTokens.create(user, name);
            // Rendered, not redirected: the secret must not wait in the session for the next request.
            return page(user, model, issued.token());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            return page(user, model, null);
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        apiTokens.revoke(user, new ApiTokenId(id));
        redirect.addFlashAttribute("notice", "The token is revoked; requests with it are now refused.");
        return "redirect:/tokens";
    }

    private String page(CurrentUser user, Model model, @Nullable String newToken) {
        model.addAttribute("tokens", apiTokens.list(user));
        model.addAttribute("newToken", newToken);
        model.addAttribute("notice", model.getAttribute("notice"));
        model.addAttribute("error", model.getAttribute("error"));
        return "accounts/tokens";
    }
}
