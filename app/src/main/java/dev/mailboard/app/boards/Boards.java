package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.UserId;
import dev.mailboard.app.text.RichText;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Boards, columns, items, updates and files: the module's facade. Every method takes the {@link Actor}
 * it acts for and checks that actor's account and board role: ids of another account, or of a board
 * the actor is not a member of, fail with {@link BoardNotFoundException}; a role that is too small
 * fails with {@link BoardAccessDeniedException}. Nothing is written in either case. Changes publish
 * {@link ItemCreated}, {@link ItemChanged}, {@link ItemDeleted} and {@link UpdatePosted} in the
 * transaction.
 */
@Service
public class Boards {

    private final BoardService boards;
    private final ItemService items;
    private final ItemChanges changes;
    private final UpdateService updates;
    private final FileService files;

    Boards(BoardService boards, ItemService items, ItemChanges changes, UpdateService updates, FileService files) {
        this.boards = boards;
        this.items = items;
        this.changes = changes;
        this.updates = updates;
        this.files = files;
    }

    /** Creates a board (admins and members); the actor becomes its owner. */
    public BoardView createBoard(Actor actor, NewBoard board) {
        return boards.create(actor, board);
    }

    /** The boards the actor may see: all of the account for admins, else those the actor is a member of. */
    public List<BoardView> boards(Actor actor) {
        return boards.list(actor);
    }

    /** One board, with the actor's role on it. */
    public BoardView board(Actor actor, BoardId id) {
        return boards.find(actor, id);
    }

    /** Adds a user of the same account to a board or changes their role (owners). */
    public MemberView putMember(Actor actor, BoardId boardId, UserId userId, BoardRole role) {
        return boards.putMember(actor, boardId, userId, role);
    }

    /** Removes a member from a board (owners). */
    public void removeMember(Actor actor, BoardId boardId, UserId userId) {
        boards.removeMember(actor, boardId, userId);
    }

    /** The members of a board (account admins have access without being members). */
    public List<MemberView> members(Actor actor, BoardId boardId) {
        return boards.members(actor, boardId);
    }

    /** Adds a column at the right end of a board (owners). */
    public ColumnView addColumn(Actor actor, BoardId boardId, NewColumn column) {
        return boards.addColumn(actor, boardId, column);
    }

    /** The columns of a board, left to right. */
    public List<ColumnView> columns(Actor actor, BoardId boardId) {
        return boards.columns(actor, boardId);
    }

    /**
     * Adds an item (editors). An {@link Actor#integration integration} actor records the item as created
     * "via email from" its source address.
     *
     * @throws InvalidValueException when the name or a value does not fit its column
     */
    public ItemView createItem(Actor actor, NewItem item) {
        return items.create(actor, item);
    }

    /** One item with its values and version. */
    public ItemView item(Actor actor, ItemId id) {
        return items.find(actor, id);
    }

    /** A page of a board's items, filtered and sorted. */
    public ItemPage items(Actor actor, BoardId boardId, ItemQuery query) {
        return items.list(actor, boardId, query);
    }

    /**
     * Changes an item's name and values (editors).
     *
     * @throws StaleItemException when an expected version was given and the item has changed since
     */
    public ItemView changeItem(Actor actor, ItemChange change) {
        return changes.change(actor, change);
    }

    /** Archives or restores an item (editors); a null expected version skips the version check. */
    public ItemView archiveItem(Actor actor, ItemId id, boolean archived, @Nullable Long expectedVersion) {
        return items.archive(actor, id, archived, expectedVersion);
    }

    /** Deletes an item with its values, updates and files (editors). */
    public void deleteItem(Actor actor, ItemId id) {
        items.delete(actor, id);
    }

    /** The activity log of an item, newest first. */
    public List<ActivityView> activity(Actor actor, ItemId id, int limit) {
        return items.activity(actor, id, limit);
    }

    /**
     * Posts an update on an item (editors). The HTML goes through {@link RichText#sanitize} before it is
     * stored; plain text can be turned into HTML with {@link RichText#fromPlainText}.
     *
     * @throws InvalidValueException when nothing is left after sanitizing, or it is too long
     */
    public UpdateView postUpdate(Actor actor, ItemId itemId, String html) {
        return updates.post(actor, itemId, html);
    }

    /** The updates of an item, newest first, with their files. */
    public List<UpdateView> updates(Actor actor, ItemId itemId, int limit) {
        return updates.list(actor, itemId, limit);
    }

    /**
     * Attaches a file to an item, and to one of its updates when {@code updateId} is given (editors). The
     * stream is read here and not closed.
     *
     * @throws FileTooLargeException over {@code mailboard.boards.max-file-size}; nothing is stored
     */
    public FileView attachFile(
            Actor actor,
            ItemId itemId,
            @Nullable UpdateId updateId,
            String fileName,
            @Nullable String contentType,
            InputStream content) {
        return files.attach(actor, itemId, updateId, fileName, contentType, content);
    }

    /** The files attached to an item, newest first. */
    public List<FileView> files(Actor actor, ItemId itemId) {
        return files.list(actor, itemId);
    }

    /** A file and where to read its bytes, for download. */
    public FileContent file(Actor actor, FileId id) {
        return files.content(actor, id);
    }
}
