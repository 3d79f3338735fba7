package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.accounts.UserId;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Checks and normalises a column value for its column's type; an empty text means "no value". */
@Component
class ColumnValues {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,255}$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

    private final Accounts accounts;

    ColumnValues(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The stored form of a value, or null to clear it. */
    @Nullable
    String normalise(ColumnView column, @Nullable String raw, AccountId accountId) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = CONTROL.matcher(raw).replaceAll("").strip();
        return switch (column.type()) {
            case TEXT -> limit(column, value.replaceAll("\\s+", " "), 500);
            case LONG_TEXT -> limit(column, value, 10_000);
            case STATUS -> status(column, value);
            case PERSON -> person(column, value, accountId);
            case EMAIL -> email(column, value);
            case DATE -> date(column, value);
            case NUMBER -> number(column, value).toPlainString();
            case LINK -> link(column, value);
            case TAGS -> tags(column, value);
            case FILES -> throw invalid(column, "is filled by attaching files to the item");
        };
    }

    /** The number to sort by, for number columns. */
    @Nullable
    BigDecimal sortNumber(ColumnView column, @Nullable String stored) {
        return column.type() == ColumnType.NUMBER && stored != null ? new BigDecimal(stored) : null;
    }

    private static String status(ColumnView column, String value) {
        return column.labels().stream()
                .map(StatusLabel::name)
                .filter(name -> name.equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> invalid(
                        column,
                        "must be one of its labels "
                                + column.labels().stream()
                                        .map(StatusLabel::name)
                                        .toList()));
    }

    private String person(ColumnView column, String value, AccountId accountId) {
        try {
            UserId id = UserId.of(value);
            return accounts.findUser(accountId, id)
                    .map(user -> user.id().toString())
                    .orElseThrow(() -> invalid(column, "must be a user of this account"));
        } catch (IllegalArgumentException e) {
            throw invalid(column, "must be a user id", e);
        }
    }

    private static String email(ColumnView column, String value) {
        if (!EMAIL.matcher(value).matches()) {
            throw invalid(column, "must be an email address such as name@example.com");
        }
        int at = value.indexOf('@');
        return value.substring(0, at) + value.substring(at).toLowerCase(Locale.ROOT);
    }

    private static String date(ColumnView column, String value) {
        try {
            return LocalDate.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw invalid(column, "must be a date written as yyyy-mm-dd", e);
        }
    }

    private static BigDecimal number(ColumnView column, String value) {
        try {
            BigDecimal number = new BigDecimal(value.replace(" ", ""));
            if (number.abs().compareTo(new BigDecimal("1e27")) >= 0 || number.scale() > 10) {
                throw invalid(column, "must be smaller than 10^27 with at most 10 decimals");
            }
            return number.stripTrailingZeros().scale() < 0 ? number.setScale(0) : number.stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw invalid(column, "must be a number such as 42 or -3.5", e);
        }
    }

    private static String link(ColumnView column, String value) {
        try {
            URI uri = new URI(value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw invalid(column, "must be an https:// link");
            }
            return limit(column, uri.toString(), 2000);
        } catch (URISyntaxException e) {
            throw invalid(column, "must be an https:// link", e);
        }
    }

    private static String tags(ColumnView column, String value) {
        Set<String> tags = new LinkedHashSet<>();
        Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .forEach(tags::add);
        return limit(column, String.join(", ", tags), 2000);
    }

    private static String limit(ColumnView column, String value, int max) {
        if (value.length() > max) {
            throw invalid(column, "may have at most " + max + " characters");
        }
        return value;
    }

    private static InvalidValueException invalid(ColumnView column, String why) {
        return new InvalidValueException("The value of column '" + column.name() + "' " + why);
    }

    private static InvalidValueException invalid(ColumnView column, String why, Exception cause) {
        InvalidValueException exception = invalid(column, why);
        exception.initCause(cause);
        return exception;
    }
}
