package dev.mailboard.app.accounts.web;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.AccountView;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UnknownIdException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The account permission "who may create integrations". Admins only. */
@RestController
@Tag(name = "Account settings", description = "Account permissions (admins only)")
class AccountSettingsRestController {

    private final Accounts accounts;

    AccountSettingsRestController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/account/settings")
    @Operation(summary = "Your account's settings")
    Settings settings(CurrentUser admin) {
        return Settings.of(accounts.settings(admin));
    }

    @PutMapping("/api/v1/account/settings")
    @Operation(summary = "Change who may create integrations (a list of roles, may be empty)")
    Settings change(CurrentUser admin, @RequestBody SettingsChange change) {
        List<String> codes = change.integrationCreatorRoles();
        if (codes == null) {
            throw new IllegalArgumentException(
                    "The field 'integrationCreatorRoles' is required, for example [\"admin\", \"member\"]");
        }
        Set<Role> roles = codes.stream().map(Role::fromCode).collect(Collectors.toSet());
        return Settings.of(accounts.changeIntegrationCreators(admin, roles));
    }

    @GetMapping("/api/v1/accounts/{accountId}/settings")
    @Operation(summary = "An account's settings by id: only your own account is found")
    Settings settings(CurrentUser admin, @PathVariable UUID accountId) {
        requireOwn(admin, accountId);
        return settings(admin);
    }

    @PutMapping("/api/v1/accounts/{accountId}/settings")
    @Operation(summary = "Change an account's settings by id: only your own account is found")
    Settings change(CurrentUser admin, @PathVariable UUID accountId, @RequestBody SettingsChange change) {
        requireOwn(admin, accountId);
        return change(admin, change);
    }

    private static void requireOwn(CurrentUser user, UUID accountId) {
        if (!user.accountId().equals(new AccountId(accountId))) {
            throw new UnknownIdException("There is no account " + accountId + " that you belong to.");
        }
    }

    /** The settings: roles that may create integrations, as codes. */
    record Settings(String accountId, String name, List<String> integrationCreatorRoles) {

        static Settings of(AccountView view) {
            return new Settings(
                    view.id().toString(),
                    view.name(),
                    view.integrationCreatorRoles().stream()
                            .sorted()
                            .map(Role::code)
                            .toList());
        }
    }

    /** New settings. */
    record SettingsChange(@Nullable List<String> integrationCreatorRoles) {}
}
