package dev.mailboard.app.accounts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an account (a tenant).
 *
 * @param value the account's UUID
 */
public record AccountId(@JsonValue UUID value) {

    /** Checks the value is present. */
    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses an account id from its text form.
     *
     * @param text a UUID
     * @return the id
     */
    public static AccountId of(String text) {
        return new AccountId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
