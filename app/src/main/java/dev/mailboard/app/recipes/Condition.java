package dev.mailboard.app.recipes;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A condition on a mail, stored and sent as JSON with a {@code type} field. Leaves look at one fact of the
 * mail; {@code allOf}, {@code anyOf} and {@code not} combine them. Text comparisons ignore case. A sender
 * condition compares the From header, which the sender chooses freely: it is not proof of who sent a mail
 * (S-56).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Condition.From.class, name = "from"),
    @JsonSubTypes.Type(value = Condition.Recipient.class, name = "recipient"),
    @JsonSubTypes.Type(value = Condition.SubjectContains.class, name = "subjectContains"),
    @JsonSubTypes.Type(value = Condition.SubjectNotContains.class, name = "subjectNotContains"),
    @JsonSubTypes.Type(value = Condition.BodyContains.class, name = "bodyContains"),
    @JsonSubTypes.Type(value = Condition.HasAttachments.class, name = "hasAttachments"),
    @JsonSubTypes.Type(value = Condition.Importance.class, name = "importance"),
    @JsonSubTypes.Type(value = Condition.AllOf.class, name = "allOf"),
    @JsonSubTypes.Type(value = Condition.AnyOf.class, name = "anyOf"),
    @JsonSubTypes.Type(value = Condition.Not.class, name = "not")
})
public sealed interface Condition {

    /** The most leaves and combinations one recipe may have. */
    int MAX_NODES = 50;

    /** The deepest nesting of combinations. */
    int MAX_DEPTH = 5;

    /**
     * Whether the mail satisfies the condition.
     *
     * @param mail the mail
     * @return true when it does
     */
    boolean matches(MailFacts mail);

    /**
     * The condition in words, for pages and the run log.
     *
     * @return for example {@code subject contains "invoice"}
     */
    String describe();

    /**
     * Why the mail does not satisfy the condition, for the run log's "skipped: ..." line.
     *
     * @param mail the mail
     * @return the reason, or null when it matches
     */
    default @Nullable String mismatch(MailFacts mail) {
        return matches(mail) ? null : "not " + describe();
    }

    /**
     * Checks the condition's values, adding a problem per bad field.
     *
     * @param path where the condition is, for example {@code condition.conditions[0]}
     * @param problems where to add problems
     * @param depth how deep in combinations it is
     */
    void validate(String path, List<FieldProblem> problems, int depth);

    /**
     * How many nodes the condition has, itself included.
     *
     * @return 1 for a leaf
     */
    default int size() {
        return 1;
    }

    /**
     * Whether the condition looks at the sender (which is not authenticated, S-56).
     *
     * @return true when a {@code from} condition is part of it
     */
    default boolean mentionsSender() {
        return false;
    }

    /** Every mail matches: a recipe without conditions. */
    static Condition always() {
        return new AllOf(List.of());
    }

    /**
     * The sender is an address (when {@code value} has an {@code @}) or is at a domain or its subdomains.
     *
     * @param value for example {@code ana@example.com} or {@code example.com}
     */
    record From(String value) implements Condition {
        @Override
        public boolean matches(MailFacts mail) {
            return Addresses.matches(value, mail.fromAddress());
        }

        @Override
        public String describe() {
            return "sender is " + value.strip();
        }

        @Override
        public void validate(String path, List<FieldProblem> problems, int depth) {
            Addresses.validatePattern(value, path + ".value", problems);
        }

        @Override
        public boolean mentionsSender() {
            return true;
        }
    }

    /**
     * A To or Cc recipient is an address, or is at a domain or its subdomains.
     *
     * @param value for example {@code support@example.com} or {@code example.com}
     */
    record Recipient(String value) implements Condition {
        @Override
        public boolean matches(MailFacts mail) {
            return mail.to().stream().anyMatch(a -> Addresses.matches(value, a))
                    || mail.cc().stream().anyMatch(a -> Addresses.matches(value, a));
        }

        @Override
        public String describe() {
            return "sent to " + value.strip();
        }

        @Override
        public void validate(String path, List<FieldProblem> problems, int depth) {
            Addresses.validatePattern(value, path + ".value", problems);
        }
    }

    /**
     * The subject contains a text.
     *
     * @param text the text
     */
    record SubjectContains(String text) implements Condition {
        @Override
        public boolean matches(MailFacts mail) {
            return lower(mail.subject()).contains(lower(text));
        }

        @Override
        public String describe() {
            return "subject contains \"" + text + "\"";
        }

        @Override
        public void validate(String path, List<FieldProblem> problems, int depth) {
            requireText(text, path + ".text", problems);
        }
    }

    /**
     * The subject does not contain a text.
     *
     * @param text the text
     */
    record SubjectNotContains(String text) implements Condition {
        @Override
        public boolean matches(MailFacts mail) {
            return !lower(mail.subject()).contains(lower(text));
        }

        @Override
        public String describe() {
            return "subject does not contain \"" + text + "\"";
        }

        @Override
        public void validate(String path, List<FieldProblem> problems, int depth) {
            requireText(text, path + ".text", problems);
        }
    }

    /**
     * The body (as text, quoted parts included) contains a text.
     *
     * @param text the text
     */
    record BodyContains(String text) implements Condition {
        @Override
        public boolean matches(MailFacts mail) {
            return mail.bodyText().contains(MailFacts.collapse(text));
        }

        @Override
        public String describe() {
            return "body contains \"" + text + "\"";
        }

        @Override
        public void validate(String path, List<FieldProblem> problems, int depth) {
            requireText(text, path + ".text", problems);
        }
    }

    /** The mail has attachments other than inline images. */
    record HasAttachments() implements Condition {
        @Override
        public boolean matches(MailFacts mail) {
            return mail.hasFileAttachments();
        }

        @Override
        public String describe() {
            return "has attachments";
        }

        @Override
        public void validate(String path, List<FieldProblem> problems, int depth) {}
    }

    /**
     * The mail's importance is the given level.
     *
     * @param level {@code low}, {@code normal} or {@code high}
     */
    record Importance(String level) implements Condition {
        private static final List<String> LEVELS = List.of("low", "normal", "high");

        @Override
        public boolean matches(MailFacts mail) {
            return lower(mail.importance()).equals(lower(level));
        }

        @Override
        public String describe() {
            return "importance is " + lower(level);
        }

        @Override
        public void validate(String path, List<FieldProblem> problems, int depth) {
            if (!LEVELS.contains(lower(level))) {
                problems.add(new FieldProblem(path + ".level", "must be low, normal or high"));
            }
        }
    }

    /**
     * Every one of the conditions holds (and an empty list always holds).
     *
     * @param conditions the conditions
     */
    record AllOf(List<Condition> conditions) implements Condition {
        /** Copies the list. */
        public AllOf {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean matches(MailFacts mail) {
            return conditions.stream().allMatch(c -> c.matches(mail));
        }

        @Override
        public @Nullable String mismatch(MailFacts mail) {
            return conditions.stream()
                    .map(c -> c.mismatch(mail))
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public String describe() {
            return conditions.isEmpty() ? "any mail" : join(conditions, " and ");
        }

        @Override
        public void validate(String path, List<FieldProblem> problems, int depth) {
            Combinations.validate(conditions, path, problems, depth);
        }

        @Override
        public int size() {
            return 1 + conditions.stream().mapToInt(Condition::size).sum();
        }

        @Override
        public boolean mentionsSender() {
            return conditions.stream().anyMatch(Condition::mentionsSender);
        }
    }

    /**
     * At least one of the conditions holds.
     *
     * @param conditions the conditions, at least one
     */
    record AnyOf(List<Condition> conditions) implements Condition {
        /** Copies the list. */
        public AnyOf {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean matches(MailFacts mail) {
            return conditions.stream().anyMatch(c -> c.matches(mail));
        }

        @Override
        public String describe() {
            return "(" + join(conditions, " or ") + ")";
        }

        @Override
        public @Nullable String mismatch(MailFacts mail) {
            return matches(mail) ? null : "none of " + describe();
        }

        @Override
        public void validate(String path, List<FieldProblem> problems, int depth) {
            if (conditions.isEmpty()) {
                problems.add(new FieldProblem(path + ".conditions", "must name at least one condition"));
            }
            Combinations.validate(conditions, path, problems, depth);
        }

        @Override
        public int size() {
            return 1 + conditions.stream().mapToInt(Condition::size).sum();
        }

        @Override
        public boolean mentionsSender() {
            return conditions.stream().anyMatch(Condition::mentionsSender);
        }
    }

    /**
     * The condition does not hold.
     *
     * @param condition the condition
     */
    record Not(Condition condition) implements Condition {
        @Override
        public boolean matches(MailFacts mail) {
            return !condition.matches(mail);
        }

        @Override
        public String describe() {
            return "not (" + condition.describe() + ")";
        }

        @Override
        public @Nullable String mismatch(MailFacts mail) {
            return matches(mail) ? null : condition.describe();
        }

        @Override
        public void validate(String path, List<FieldProblem> problems, int depth) {
            if (depth >= MAX_DEPTH) {
                problems.add(new FieldProblem(path, "nests deeper than " + MAX_DEPTH + " levels"));
                return;
            }
            condition.validate(path + ".condition", problems, depth + 1);
        }

        @Override
        public int size() {
            return 1 + condition.size();
        }

        @Override
        public boolean mentionsSender() {
            return condition.mentionsSender();
        }
    }

    private static String lower(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static void requireText(@Nullable String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "must not be blank"));
        } else if (text.length() > 500) {
            problems.add(new FieldProblem(field, "may have at most 500 characters"));
        }
    }

    private static String join(List<Condition> conditions, String separator) {
        return conditions.stream().map(Condition::describe).collect(Collectors.joining(separator));
    }
}
