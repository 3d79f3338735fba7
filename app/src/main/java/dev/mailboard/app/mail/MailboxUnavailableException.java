package dev.mailboard.app.mail;

/** Graph refused or failed a request for a mailbox; the message says why, without any secret. */
public class MailboxUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why, for the user
     * @param cause the Graph failure
     */
    public MailboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
