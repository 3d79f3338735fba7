package dev.mailboard.sandbox.graph;

import dev.mailboard.sandbox.store.StoredMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** The OData query options the emulator supports on message lists: $select, $top, $skip, $orderby and $filter. */
record ODataQuery(
        @Nullable Set<String> select,
        int top,
        int skip,
        Comparator<StoredMessage> order,
        Predicate<StoredMessage> filter) {

    static final int DEFAULT_TOP = 10;
    static final int MAX_TOP = 1000;

    static ODataQuery parse(Map<String, String> query) {
        var top = number(query.get("$top"), DEFAULT_TOP, "$top");
        if (top < 1 || top > MAX_TOP) {
            throw GraphException.badRequest("The value of $top must be between 1 and 1000.");
        }
        var skip = number(query.get("$skip"), 0, "$skip");
        var orderBy = query.getOrDefault("$orderby", "").trim();
        var clauses = clauses(query.getOrDefault("$filter", ""));
        if (!orderBy.isEmpty() && !clauses.isEmpty() && !orderBy.split("\\s+")[0].equalsIgnoreCase(clauses.get(0)[0])) {
            throw new GraphException(
                    400, "InefficientFilter", "The restriction or sort order is too complex for this operation.");
        }
        Predicate<StoredMessage> filter = m -> true;
        for (var clause : clauses) {
            filter = filter.and(predicate(clause));
        }
        return new ODataQuery(select(query.get("$select")), top, skip, order(orderBy), filter);
    }

    static @Nullable Set<String> select(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        var fields = new LinkedHashSet<String>();
        for (var field : raw.split(",")) {
            fields.add(field.trim().toLowerCase(Locale.ROOT));
        }
        return fields;
    }

    static Predicate<StoredMessage> filterOnly(Map<String, String> query) {
        Predicate<StoredMessage> filter = m -> true;
        for (var clause : clauses(query.getOrDefault("$filter", ""))) {
            filter = filter.and(predicate(clause));
        }
        return filter;
    }

    private static Comparator<StoredMessage> order(String orderBy) {
        var newestFirst = Comparator.comparing(StoredMessage::receivedAt)
                .thenComparing(StoredMessage::seq)
                .reversed();
        if (orderBy.isEmpty()) {
            return newestFirst;
        }
        var parts = orderBy.split("\\s+");
        if (!parts[0].equalsIgnoreCase("receivedDateTime") || parts.length > 2) {
            throw GraphException.badRequest("The sandbox supports $orderby on receivedDateTime only.");
        }
        return parts.length == 2 && parts[1].equalsIgnoreCase("asc") || parts.length == 1
                ? newestFirst.reversed()
                : newestFirst;
    }

    private static List<String[]> clauses(String filter) {
        var result = new ArrayList<String[]>();
        if (filter.isBlank()) {
            return result;
        }
        for (var clause : filter.trim().split("(?i)\\s+and\\s+")) {
            var parts = clause.trim().split("\\s+", 3);
            if (parts.length != 3) {
                throw GraphException.badRequest("Invalid filter clause: " + clause);
            }
            result.add(parts);
        }
        return result;
    }

    private static Predicate<StoredMessage> predicate(String[] clause) {
        var property = clause[0].toLowerCase(Locale.ROOT);
        var op = clause[1].toLowerCase(Locale.ROOT);
        var value = clause[2].trim();
        switch (property) {
            case "receiveddatetime":
                var at = instant(value);
                return m -> compare(m.receivedAt().compareTo(at), op);
            case "isread":
                var read = Boolean.parseBoolean(value);
                return m -> compare(Boolean.compare(m.isRead(), read), op);
            case "hasattachments":
                var has = Boolean.parseBoolean(value);
                return m -> compare(Boolean.compare(!m.content().attachments().isEmpty(), has), op);
            default:
                throw GraphException.badRequest("The sandbox cannot filter on '" + clause[0] + "'.");
        }
    }

    private static boolean compare(int comparison, String op) {
        switch (op) {
            case "eq":
                return comparison == 0;
            case "ne":
                return comparison != 0;
            case "gt":
                return comparison > 0;
            case "ge":
                return comparison >= 0;
            case "lt":
                return comparison < 0;
            case "le":
                return comparison <= 0;
            default:
                throw GraphException.badRequest("Invalid filter operator '" + op + "'.");
        }
    }

    @SuppressWarnings("UnusedException") // a parse failure becomes a protocol error; its cause adds nothing
    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw GraphException.badRequest("Invalid DateTimeOffset literal '" + value + "'.");
            }
        }
    }

    @SuppressWarnings("UnusedException") // a parse failure becomes a protocol error; its cause adds nothing
    private static int number(@Nullable String raw, int fallback, String name) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw GraphException.badRequest("Invalid value for " + name + ": '" + raw + "'.");
        }
    }
}
