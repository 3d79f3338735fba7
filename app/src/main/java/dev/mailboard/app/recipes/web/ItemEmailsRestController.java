package dev.mailboard.app.recipes.web;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.ItemId;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.recipes.FieldProblem;
import dev.mailboard.app.recipes.InvalidRecipeException;
import dev.mailboard.app.recipes.ItemEmail;
import dev.mailboard.app.recipes.ItemEmails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** "Send email" on an item. */
@RestController
@Tag(name = "Item emails", description = "Send mail from an item through your own connected mailbox")
class ItemEmailsRestController {

    private final ItemEmails emails;

    ItemEmailsRestController(ItemEmails emails) {
        this.emails = emails;
    }

    /**
     * A mail to send.
     *
     * @param connectionId your connection to send from; it needs {@code Mail.Send}
     * @param to the recipients ({@code address} or {@code Name <address>}); empty: the item's email columns
     * @param subject the subject; omitted: the item token and name
     * @param body the body, HTML or plain text; it is sanitized
     */
    record EmailRequest(
            @Nullable UUID connectionId,
            @Nullable List<String> to,
            @Nullable String subject,
            @Nullable String body) {}

    /**
     * A queued mail.
     *
     * @param sendId the send id, carried in the {@code X-Mailboard-Origin} header of the mail
     * @param state {@code queued}
     */
    record EmailQueued(UUID sendId, String state) {}

    @PostMapping("/api/v1/boards/{boardId}/items/{itemId}/emails")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Send an email from an item (board editors, from a mailbox you connected with Mail.Send);"
                    + " it is sent once, then shown as an update on the item")
    EmailQueued send(
            CurrentUser user,
            @PathVariable UUID boardId,
            @PathVariable long itemId,
            @RequestBody EmailRequest request) {
        if (request.connectionId() == null) {
            throw new InvalidRecipeException(List.of(new FieldProblem("connectionId", "is required")));
        }
        UUID id = emails.send(
                user,
                new BoardId(boardId),
                new ItemId(itemId),
                new ItemEmail(
                        new ConnectionId(request.connectionId()),
                        request.to() == null ? List.of() : request.to(),
                        request.subject(),
                        request.body() == null ? "" : request.body()));
        return new EmailQueued(id, "queued");
    }
}
