package dev.mailboard.app.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The one way pages show a point in time: ISO date and minute in UTC ({@code 2025-03-04 09:15 UTC}), never
 * with seconds' fractions; a date alone as {@code 2025-03-04}.
 */
public final class Dates {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private Dates() {}

    /**
     * A time for people.
     *
     * @param at the time, or null
     * @return for example {@code 2025-03-04 09:15 UTC}; {@code never} for null
     */
    public static String time(@Nullable Instant at) {
        return at == null ? "never" : MINUTE.format(at);
    }

    /**
     * A day for people.
     *
     * @param at the time
     * @return for example {@code 2025-03-04}
     */
    public static String day(Instant at) {
        return DAY.format(at);
    }

    /**
     * The machine-readable value of a {@code <time datetime>} attribute, to the second.
     *
     * @param at the time
     * @return for example {@code 2025-03-04T09:15:02Z}
     */
    public static String iso(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
