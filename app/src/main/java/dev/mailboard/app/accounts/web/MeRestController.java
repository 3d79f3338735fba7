package dev.mailboard.app.accounts.web;

import dev.mailboard.app.accounts.ApiTokenId;
import dev.mailboard.app.accounts.ApiTokenView;
import dev.mailboard.app.accounts.ApiTokens;
import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.IssuedApiToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user and their personal API tokens. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The signed-in user and their personal API tokens")
class MeRestController {

    private final ApiTokens apiTokens;

    MeRestController(ApiTokens apiTokens) {
        this.apiTokens = apiTokens;
    }

    @GetMapping
    @Operation(summary = "Who is signed in (by session or API token)")
    Me me(CurrentUser user) {
        return new Me(
                user.userId().toString(),
                user.accountId().toString(),
                user.email(),
                user.displayName(),
                user.role().code());
    }

    @GetMapping("/tokens")
    @Operation(summary = "List your active personal API tokens (never their secrets)")
    List<Token> tokens(CurrentUser user) {
        return apiTokens.list(user).stream().map(Token::of).toList();
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a personal API token",
            description = "The secret is in this response only; send it as 'Authorization: Bearer <secret>'.")
    CreatedToken create(CurrentUser user, @RequestBody NewToken request) {
        IssuedApiToken issued = apiTokens.create(user, request.name() == null ? "" : request.name());
        return new CreatedToken(Token.of(issued.view()), issued.token());
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your personal API tokens; it stops working at once")
    void revoke(CurrentUser user, @PathVariable UUID id) {
        apiTokens.revoke(user, new ApiTokenId(id));
    }

    /** The signed-in user. */
    record Me(String id, String accountId, String email, String displayName, String role) {}

    /** A request to create a token. */
    record NewToken(@Nullable String name) {}

    /** A token as listed. */
    record Token(
            String id,
            String name,
            String prefix,
            Instant createdAt,
            @Nullable Instant lastUsedAt) {

        static Token of(ApiTokenView view) {
            return new Token(view.id().toString(), view.name(), view.prefix(), view.createdAt(), view.lastUsedAt());
        }
    }

    /** A new token with its secret, shown once. */
    record CreatedToken(Token token, String secret) {

        @Override
        public String toString() {
            return "CreatedToken[" + token + ", secret=<redacted>]";
        }
    }
}
