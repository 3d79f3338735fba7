package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardId;
import dev.mailboard.app.boards.BoardNotFoundException;
import dev.mailboard.app.boards.BoardView;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnId;
import dev.mailboard.app.boards.FileView;
import dev.mailboard.app.boards.ItemChange;
import dev.mailboard.app.boards.ItemId;
import dev.mailboard.app.boards.ItemPage;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.boards.StaleItemException;
import dev.mailboard.app.boards.UpdateId;
import dev.mailboard.app.boards.UpdateView;
import dev.mailboard.app.connections.ConnectionId;
import dev.mailboard.app.connections.ConnectionStatus;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.mail.MailSendProblem;
import dev.mailboard.app.mail.MailSendRefusedException;
import dev.mailboard.app.recipes.ItemEmail;
import dev.mailboard.app.recipes.ItemEmails;
import dev.mailboard.app.recipes.RecipeNotFoundException;
import dev.mailboard.app.recipes.RecipePermissionException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The item page (values, updates feed, files, activity), inline cell edits, composing updates, uploads. */
@Controller
class BoardsItemPageController {

    private static final String NEWEST = "newest";

    private final Boards boards;
    private final BoardsPageController table;
    private final Connections connections;
    private final ItemEmails emails;

    BoardsItemPageController(Boards boards, BoardsPageController table, Connections connections, ItemEmails emails) {
        this.boards = boards;
        this.table = table;
        this.connections = connections;
        this.emails = emails;
    }

    @GetMapping("/boards/{boardId}/items/{itemId}")
    String item(
            CurrentUser user,
            @PathVariable UUID boardId,
            @PathVariable long itemId,
            @RequestParam(defaultValue = "oldest") String order,
            Model model) {
        Actor actor = Actor.of(user);
        ItemView item = itemOn(actor, boardId, itemId);
        BoardView board = boards.board(actor, item.boardId());
        model.addAttribute(
                "table",
                new BoardsTable(
                        board,
                        boards.columns(actor, board.id()),
                        new ItemPage(java.util.List.of(item), 1, 0, 1),
                        table.people(user),
                        "",
                        "",
                        "",
                        "position",
                        true));
        model.addAttribute("item", item);
        model.addAttribute("updates", conversation(actor, item.id(), order));
        model.addAttribute("newestFirst", NEWEST.equals(order));
        model.addAttribute("files", boards.files(actor, item.id()));
        model.addAttribute("activity", boards.activity(actor, item.id(), 100));
        model.addAttribute(
                "mailboxes",
                connections.listFor(user).stream()
                        .filter(c -> c.status() == ConnectionStatus.ACTIVE)
                        .toList());
        model.addAttribute("emailSubject", emails.suggestedSubject(item));
        model.addAttribute("emailNotice", flash(model, "emailNotice"));
        model.addAttribute("emailError", flash(model, "emailError"));
        return "boards/item";
    }

    @GetMapping("/boards/{boardId}/items/{itemId}/updates")
    String feed(
            CurrentUser user,
            @PathVariable UUID boardId,
            @PathVariable long itemId,
            @RequestParam(defaultValue = "oldest") String order,
            Model model) {
        ItemView item = itemOn(Actor.of(user), boardId, itemId);
        model.addAttribute("updates", conversation(Actor.of(user), item.id(), order));
        return "boards/feed";
    }

    @PostMapping("/boards/{boardId}/items/{itemId}/cells/{columnId}")
    String cell(
            CurrentUser user,
            @PathVariable UUID boardId,
            @PathVariable long itemId,
            @PathVariable UUID columnId,
            @RequestParam(defaultValue = "") String value,
            @RequestParam long version,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletResponse response,
            Model model) {
        Actor actor = Actor.of(user);
        ItemView item = itemOn(actor, boardId, itemId);
        ItemView changed;
        String notice = null;
        try {
            changed = boards.changeItem(actor, ItemChange.value(item.id(), version, new ColumnId(columnId), value));
        } catch (StaleItemException e) {
            changed = e.current();
            notice = "Someone else changed this item meanwhile; this is the latest. Nothing was saved.";
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        if (htmx == null && notice == null) {
            return "redirect:/boards/" + boardId;
        }
        return table.row(user, new BoardId(boardId), changed, notice, model);
    }

    @PostMapping("/boards/{boardId}/items/{itemId}/updates")
    String post(
            CurrentUser user,
            @PathVariable UUID boardId,
            @PathVariable long itemId,
            @RequestParam String body,
            @RequestParam(defaultValue = "oldest") String order,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        Actor actor = Actor.of(user);
        ItemView item = itemOn(actor, boardId, itemId);
        UpdateView update = boards.postUpdate(actor, item.id(), body);
        if (file != null && !file.isEmpty()) {
            attach(actor, item.id(), update.id(), file);
        }
        if (htmx == null) {
            return "redirect:/boards/" + boardId + "/items/" + itemId;
        }
        return feed(user, boardId, itemId, order, model);
    }

    /** "Send email" from the item page: queued at once, shown as an update once sent. */
    @PostMapping("/boards/{boardId}/items/{itemId}/emails")
    String email(
            CurrentUser user,
            @PathVariable UUID boardId,
            @PathVariable long itemId,
            @RequestParam UUID connectionId,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        List<String> recipients = Arrays.stream(to.split("[,;]"))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .toList();
        try {
            emails.send(
                    user,
                    new BoardId(boardId),
                    new ItemId(itemId),
                    new ItemEmail(new ConnectionId(connectionId), recipients, subject, body));
            redirect.addFlashAttribute(
                    "emailNotice", "The email is on its way; it appears in the updates once it is sent.");
        } catch (MailSendRefusedException e) {
            String detail = String.valueOf(e.getMessage());
            if (!e.problems().isEmpty()) {
                detail = String.join(
                        " ",
                        e.problems().stream()
                                .map(MailSendProblem::message)
                                .distinct()
                                .toList());
            }
            redirect.addFlashAttribute("emailError", detail);
        } catch (RecipePermissionException | RecipeNotFoundException e) {
            redirect.addFlashAttribute("emailError", String.valueOf(e.getMessage()));
        }
        return "redirect:/boards/" + boardId + "/items/" + itemId;
    }

    /**
     * Uploads from the page through htmx, which sends the CSRF token as a header: so the security filter
     * never reads the multipart body, and an oversized file reaches the 413 notice instead of a CSRF
     * failure.
     */
    @PostMapping(path = "/boards/{boardId}/items/{itemId}/files", headers = "HX-Request")
    ResponseEntity<Void> uploadFromPage(
            CurrentUser user, @PathVariable UUID boardId, @PathVariable long itemId, MultipartFile file) {
        upload(user, boardId, itemId, file);
        return ResponseEntity.noContent().header("HX-Refresh", "true").build();
    }

    @PostMapping("/boards/{boardId}/items/{itemId}/files")
    String upload(CurrentUser user, @PathVariable UUID boardId, @PathVariable long itemId, MultipartFile file) {
        Actor actor = Actor.of(user);
        ItemView item = itemOn(actor, boardId, itemId);
        attach(actor, item.id(), null, file);
        return "redirect:/boards/" + boardId + "/items/" + itemId;
    }

    private FileView attach(Actor actor, ItemId itemId, @Nullable UpdateId updateId, MultipartFile file) {
        String name = file.getOriginalFilename();
        try (InputStream content = file.getInputStream()) {
            return boards.attachFile(
                    actor, itemId, updateId, name == null ? "file" : name, file.getContentType(), content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upload", e);
        }
    }

    /** The item's mail, replies and updates: oldest first (as a conversation reads) unless asked otherwise. */
    private List<UpdateView> conversation(Actor actor, ItemId itemId, String order) {
        List<UpdateView> newestFirst = boards.updates(actor, itemId, 100);
        if (NEWEST.equals(order)) {
            return newestFirst;
        }
        List<UpdateView> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static String flash(Model model, String name) {
        Object value = model.getAttribute(name);
        return value == null ? "" : value.toString();
    }

    private ItemView itemOn(Actor actor, UUID boardId, long itemId) {
        ItemView item = boards.item(actor, new ItemId(itemId));
        if (!item.boardId().equals(new BoardId(boardId))) {
            throw new BoardNotFoundException("item " + itemId + " on this board");
        }
        return item;
    }
}
