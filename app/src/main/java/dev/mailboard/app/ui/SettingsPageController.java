package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.AccountView;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.Role;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The account settings: who may create integrations. */
@Controller
class SettingsPageController {

    private final Accounts accounts;

    SettingsPageController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/settings")
    String settings(CurrentUser admin, Model model) {
        model.addAttribute("account", accounts.settings(admin));
        model.addAttribute("notice", model.getAttribute("notice"));
        return "accounts/settings";
    }

    @PostMapping("/settings")
    String save(
            CurrentUser admin,
            @RequestParam(name = "roles", required = false) @Nullable List<String> roles,
            RedirectAttributes redirect) {
        Set<Role> chosen =
                roles == null ? Set.of() : roles.stream().map(Role::fromCode).collect(Collectors.toSet());
        AccountView account = accounts.changeIntegrationCreators(admin, chosen);
        String who = account.integrationCreatorRoles().isEmpty()
                ? "nobody"
                : account.integrationCreatorRoles().stream()
                        .sorted()
                        .map(Role::code)
                        .collect(Collectors.joining(", "));
        redirect.addFlashAttribute("notice", "Saved. Who may create integrations: " + who + ".");
        return "redirect:/settings";
    }
}
