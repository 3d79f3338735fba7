package dev.mailboard.app.recipes;

import dev.mailboard.app.boards.ColumnType;
import dev.mailboard.app.boards.ColumnView;
import dev.mailboard.app.boards.ItemView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The send-email action's checks and its templates: {@code {{Name}}} is the item's name, {@code {{Column}}}
 * the value of the column of that name (ignoring case). Values go into the subject on one line and into the
 * body HTML-escaped.
 */
final class SendActionTemplate {

    /** A placeholder: {@code {{ name }}}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]{1,100}?)\\s*}}");

    /** The placeholder of the item's name. */
    static final String NAME = "Name";

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 20_000;
    static final int MAX_VALUE = 200;

    private SendActionTemplate() {}

    /** Checks the action's own values (the columns are checked against the board by {@link #validate(RecipeAction.SendEmail, List, List)}). */
    static void validate(RecipeAction.@Nullable SendEmail send, List<FieldProblem> problems) {
        if (send == null) {
            problems.add(new FieldProblem(
                    "action.sendEmail", "must be given: triggerColumn, triggerValue, toColumn, subject and body"));
            return;
        }
        if (send.triggerColumn() == null) {
            problems.add(new FieldProblem("action.sendEmail.triggerColumn", "must be given"));
        }
        if (send.toColumn() == null) {
            problems.add(new FieldProblem("action.sendEmail.toColumn", "must be given"));
        }
        String value = send.triggerValue();
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem("action.sendEmail.triggerValue", "must not be blank"));
        } else if (value.length() > MAX_VALUE || value.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(
                    "action.sendEmail.triggerValue",
                    "must be at most " + MAX_VALUE + " characters without control characters"));
        }
        String subject = send.subject();
        if (subject == null || subject.isBlank()) {
            problems.add(new FieldProblem("action.sendEmail.subject", "must not be blank"));
        } else if (subject.length() > MAX_SUBJECT || subject.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(
                    "action.sendEmail.subject",
                    "must be at most " + MAX_SUBJECT + " characters without control characters (line breaks, ...)"));
        }
        String body = send.body();
        if (body == null || body.isBlank()) {
            problems.add(new FieldProblem("action.sendEmail.body", "must not be blank"));
        } else if (body.length() > MAX_BODY) {
            problems.add(new FieldProblem("action.sendEmail.body", "must be at most " + MAX_BODY + " characters"));
        }
    }

    /** Checks the columns and the placeholders against the board. */
    static void validate(RecipeAction.@Nullable SendEmail send, List<ColumnView> columns, List<FieldProblem> problems) {
        if (send == null) {
            return;
        }
        Optional<ColumnView> trigger = column(columns, send.triggerColumn());
        if (send.triggerColumn() != null && trigger.isEmpty()) {
            problems.add(new FieldProblem("action.sendEmail.triggerColumn", "must be a column of the board"));
        } else if (trigger.isPresent() && trigger.get().type() == ColumnType.FILES) {
            problems.add(new FieldProblem("action.sendEmail.triggerColumn", "cannot be a files column"));
        }
        Optional<ColumnView> to = column(columns, send.toColumn());
        if (send.toColumn() != null && (to.isEmpty() || to.get().type() != ColumnType.EMAIL)) {
            problems.add(new FieldProblem("action.sendEmail.toColumn", "must be an email column of the board"));
        }
        placeholders(send.subject(), "action.sendEmail.subject", columns, problems);
        placeholders(send.body(), "action.sendEmail.body", columns, problems);
    }

    private static void placeholders(
            @Nullable String template, String field, List<ColumnView> columns, List<FieldProblem> problems) {
        if (template == null) {
            return;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!name.equalsIgnoreCase(NAME) && byName(columns, name).isEmpty()) {
                problems.add(new FieldProblem(
                        field, "{{" + name + "}} is neither {{Name}} nor the name of a column of the board"));
            }
        }
    }

    /** Whether a value is the trigger value (ignoring case and surrounding blanks). */
    static boolean isTrigger(RecipeAction.SendEmail send, @Nullable String value) {
        return value != null
                && value.strip().equalsIgnoreCase(send.triggerValue().strip());
    }

    /** The subject: the item token, then the template with the values on one line. */
    static String subject(RecipeAction.SendEmail send, ItemView item, List<ColumnView> columns) {
        String filled = fill(send.subject(), item, columns, false)
                .replaceAll("\\s+", " ")
                .strip();
        String token = "[" + item.id().tag() + "]";
        return filled.contains(token) ? filled : token + " " + filled;
    }

    /** The body: the template with HTML-escaped values. */
    static String body(RecipeAction.SendEmail send, ItemView item, List<ColumnView> columns) {
        return fill(send.body(), item, columns, true);
    }

    private static String fill(String template, ItemView item, List<ColumnView> columns, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value;
            if (name.equalsIgnoreCase(NAME)) {
                value = item.name();
            } else {
                value = byName(columns, name).map(c -> item.value(c.id())).orElse("");
            }
            String safe = value == null ? "" : value.replaceAll("\\p{Cntrl}", " ");
            matcher.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(safe) : safe));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Optional<ColumnView> byName(List<ColumnView> columns, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return columns.stream()
                .filter(c -> c.name().strip().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    static Optional<ColumnView> column(List<ColumnView> columns, @Nullable UUID id) {
        return id == null
                ? Optional.empty()
                : columns.stream().filter(c -> c.id().value().equals(id)).findFirst();
    }
}
