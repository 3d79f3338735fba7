package dev.mailboard.app.recipes;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ColumnId;
import dev.mailboard.app.boards.ColumnType;
import dev.mailboard.app.boards.ColumnView;
import dev.mailboard.app.boards.NewItem;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Maps a mail onto a new item: subject to name, sender and received date to columns, fixed values. */
@Component
class ItemMapping {

    private static final Pattern PLAIN_ADDRESS = Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,255}$");

    private final Boards boards;
    private final Accounts accounts;

    ItemMapping(Boards boards, Accounts accounts) {
        this.boards = boards;
        this.accounts = accounts;
    }

    Plan.CreateItem newItem(Recipe recipe, MailFacts mail) {
        RecipeAction action = recipe.definition().action();
        List<ColumnView> columns = boards.columns(Actor.user(recipe.ownerId()), recipe.boardId());
        Map<ColumnId, String> values = new LinkedHashMap<>();
        action.fixedValues().forEach((column, value) -> values.put(ColumnId.of(column), value));
        column(columns, action.senderColumn()).ifPresent(c -> {
            String sender = sender(recipe, c, mail);
            if (sender != null) {
                values.put(c.id(), sender);
            }
        });
        column(columns, action.receivedColumn()).ifPresent(c -> values.put(c.id(), received(c, mail)));
        String name = mail.subject().strip().isEmpty()
                ? "(no subject)"
                : mail.subject().strip();
        NewItem item = new NewItem(recipe.boardId(), name.length() > 500 ? name.substring(0, 500) : name, values);
        String firstUpdate = action.bodyAsFirstUpdate() ? Planner.newText(mail) : null;
        return new Plan.CreateItem(item, firstUpdate, action.copyAttachments() && mail.hasFileAttachments());
    }

    private static Optional<ColumnView> column(List<ColumnView> columns, @Nullable UUID id) {
        return id == null
                ? Optional.empty()
                : columns.stream().filter(c -> c.id().value().equals(id)).findFirst();
    }

    private @Nullable String sender(Recipe recipe, ColumnView column, MailFacts mail) {
        String address = mail.fromAddress();
        if (!PLAIN_ADDRESS.matcher(address).matches()) {
            return null;
        }
        if (column.type() == ColumnType.PERSON) {
            return accounts.users(recipe.accountId()).stream()
                    .filter(u -> u.isActive() && u.email().equalsIgnoreCase(address))
                    .map(u -> u.id().toString())
                    .findFirst()
                    .orElse(null);
        }
        if (column.type() == ColumnType.EMAIL || mail.fromName().isBlank()) {
            return address;
        }
        return mail.fromName() + " <" + address + ">";
    }

    private static String received(ColumnView column, MailFacts mail) {
        return column.type() == ColumnType.DATE
                ? mail.receivedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString()
                : mail.receivedAt().toString();
    }

    /** Checks that the mapped columns exist on the board and can take what is mapped to them. */
    static void validate(RecipeAction action, List<ColumnView> columns, List<FieldProblem> problems) {
        check(
                columns,
                action.senderColumn(),
                "action.senderColumn",
                List.of(ColumnType.EMAIL, ColumnType.PERSON, ColumnType.TEXT, ColumnType.LONG_TEXT),
                problems);
        check(
                columns,
                action.receivedColumn(),
                "action.receivedColumn",
                List.of(ColumnType.DATE, ColumnType.TEXT),
                problems);
        for (String key : action.fixedValues().keySet()) {
            if (RecipeAction.isUuid(key)) {
                check(
                        columns,
                        UUID.fromString(key),
                        "action.fixedValues." + key,
                        List.of(ColumnType.values()),
                        problems);
            }
        }
    }

    private static void check(
            List<ColumnView> columns,
            @Nullable UUID id,
            String field,
            List<ColumnType> types,
            List<FieldProblem> problems) {
        if (id == null) {
            return;
        }
        Optional<ColumnView> column = column(columns, id);
        if (column.isEmpty()) {
            problems.add(new FieldProblem(field, "must be a column of the board"));
        } else if (!types.contains(column.get().type()) || column.get().type() == ColumnType.FILES) {
            problems.add(new FieldProblem(
                    field,
                    "cannot take this value: the column is of type "
                            + column.get().type().code()));
        }
    }
}
