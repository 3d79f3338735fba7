package dev.mailboard.app.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Named points on the mail path where a crash test makes the process die at once ({@code Runtime.halt}, no
 * shutdown hooks, as SIGKILL would), set with {@code mailboard.testing.failpoint}. Unset in production.
 */
@Component
class Failpoints {

    /** Entries are claimed from the inbox, nothing fetched yet. */
    static final String AFTER_CLAIM = "after-claim";
    /** Messages are fetched from Graph, nothing recorded yet. */
    static final String AFTER_FETCH = "after-fetch";
    /** A message is recorded and its event stored, its inbox entries not completed yet. */
    static final String AFTER_RECORD = "after-record-before-complete";
    /** Graph accepted a {@code sendMail}; the outbox row is still "attempting", not marked sent. */
    static final String AFTER_SEND_CALL = "after-send-call";

    private static final Logger log = LoggerFactory.getLogger(Failpoints.class);

    private final String armed;

    Failpoints(@Value("${mailboard.testing.failpoint:}") String armed) {
        this.armed = armed;
        if (!armed.isBlank()) {
            log.warn("Failpoint {} is armed: the process halts when it reaches it", armed);
        }
    }

    void reach(String name) {
        if (name.equals(armed)) {
            log.warn("Failpoint {} reached: halting", name);
            Runtime.getRuntime().halt(137);
        }
    }
}
