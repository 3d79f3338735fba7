package dev.mailboard.app.mail;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A test hook of the relay: armed for a subject, the relay fails once right after its Graph send call and
 * before it marks the row sent, as a crash or a timeout there would. Nothing arms it outside tests. The
 * process-wide {@link Failpoints#AFTER_SEND_CALL} (set by property, for child-process tests) halts there.
 */
@Component
class MailSendFailpoints {

    private final Set<String> afterSendCall = ConcurrentHashMap.newKeySet();
    private final Failpoints process;

    MailSendFailpoints(Failpoints process) {
        this.process = process;
    }

    /** Makes the next relay of a mail with this exact subject fail after its send call. */
    void failAfterSendCall(String subject) {
        afterSendCall.add(subject);
    }

    /** Whether the failpoint for this subject is still armed (it fires once). */
    boolean armed(String subject) {
        return afterSendCall.contains(subject);
    }

    void afterSendCall(String subject) {
        process.reach(Failpoints.AFTER_SEND_CALL);
        if (afterSendCall.remove(subject)) {
            throw new IllegalStateException("failpoint: after the send call, before marking the mail sent");
        }
    }
}
