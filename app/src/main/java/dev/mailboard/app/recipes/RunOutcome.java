package dev.mailboard.app.recipes;

import java.util.Locale;

/** What a recipe did with one mail. */
public enum RunOutcome {
    /** It created an item. */
    CREATED,
    /** It added an update to an item. */
    UPDATED,
    /** It did nothing, for the reason given. */
    SKIPPED,
    /** It failed, for the reason given; a replay may succeed. */
    FAILED;

    /**
     * The outcome as stored and shown in the API.
     *
     * @return for example {@code skipped}
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an outcome.
     *
     * @param code for example {@code failed}
     * @return the outcome
     * @throws IllegalArgumentException naming the allowed values
     */
    public static RunOutcome fromCode(String code) {
        for (RunOutcome outcome : values()) {
            if (outcome.code().equalsIgnoreCase(code.strip())) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("Unknown outcome '" + code + "': use created, updated, skipped or failed");
    }

    /**
     * Whether a replay may change the outcome.
     *
     * @return true for skipped and failed runs
     */
    public boolean isReplayable() {
        return this == SKIPPED || this == FAILED;
    }
}
