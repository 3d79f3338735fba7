package dev.mailboard.app.mail;

/**
 * One internet message header, as Graph returns it in {@code internetMessageHeaders}.
 *
 * @param name the header name, in any case
 * @param value its value
 */
public record MailHeader(String name, String value) {

    /**
     * Whether this header has the given name, ignoring case as RFC 5322 does.
     *
     * @param other a header name
     * @return true for the same name
     */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }
}
