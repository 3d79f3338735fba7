package dev.mailboard.app.accounts.web;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.Invitations;
import dev.mailboard.app.accounts.IssuedInvitation;
import dev.mailboard.app.accounts.NewInvitation;
import dev.mailboard.app.accounts.Role;
import dev.mailboard.app.accounts.UserId;
import dev.mailboard.app.accounts.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The users of the caller's account: list, invite, change role, deactivate. Admins only. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Users of your account (admins only)")
class UsersRestController {

    private final Accounts accounts;
    private final Invitations invitations;

    UsersRestController(Accounts accounts, Invitations invitations) {
        this.accounts = accounts;
        this.invitations = invitations;
    }

    @GetMapping
    @Operation(summary = "List the users of your account, invited and deactivated ones included")
    List<User> users(CurrentUser admin) {
        return accounts.users(admin).stream().map(User::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user of your account; another account's user is not found (404)")
    User user(CurrentUser admin, @PathVariable UUID id) {
        return User.of(accounts.user(admin, new UserId(id)));
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Invite a user",
            description = "The response holds the one-time invitation link; it is not shown again.")
    CreatedInvitation invite(CurrentUser admin, @RequestBody NewInvitationRequest request) {
        IssuedInvitation issued = invitations.invite(
                admin,
                new NewInvitation(
                        required(request.email(), "email"),
                        required(request.displayName(), "displayName"),
                        Role.fromCode(required(request.role(), "role"))));
        String link = issued.link();
        return new CreatedInvitation(User.of(issued.user()), link, issued.expiresAt());
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change a user's role, or deactivate them",
            description = "Fields left out stay as they are. The last active admin cannot be demoted (409).")
    User change(CurrentUser admin, @PathVariable UUID id, @RequestBody UserChange change) {
        UserId userId = new UserId(id);
        UserView user = accounts.user(admin, userId);
        if (change.role() != null) {
            user = accounts.changeRole(admin, userId, Role.fromCode(change.role()));
        }
        if (change.status() != null) {
            if (!"deactivated".equals(change.status())) {
                throw new IllegalArgumentException("status can only be set to 'deactivated'");
            }
            user = accounts.deactivate(admin, userId);
        }
        return User.of(user);
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The field '" + field + "' is required");
        }
        return value;
    }

    /** A user as the API shows it. */
    record User(String id, String email, String displayName, String role, String status, Instant createdAt) {

        static User of(UserView view) {
            return new User(
                    view.id().toString(),
                    view.email(),
                    view.displayName(),
                    view.role().code(),
                    view.status(),
                    view.createdAt());
        }
    }

    /** Who to invite: {@code role} is admin, member, viewer or guest. */
    record NewInvitationRequest(
            @Nullable String email,
            @Nullable String displayName,
            @Nullable String role) {}

    /** The invited user and the one-time link to send them. */
    record CreatedInvitation(User user, String invitationLink, Instant expiresAt) {

        @Override
        public String toString() {
            return "CreatedInvitation[" + user + ", invitationLink=<redacted>, expiresAt=" + expiresAt + "]";
        }
    }

    /** A change: a new role, and/or {@code status: "deactivated"}. */
    record UserChange(@Nullable String role, @Nullable String status) {}
}
