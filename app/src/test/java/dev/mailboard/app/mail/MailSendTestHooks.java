package dev.mailboard.app.mail;

import org.springframework.context.ApplicationContext;

/** Lets tests of other packages arm the relay's failpoint. */
public final class MailSendTestHooks {

    private MailSendTestHooks() {}

    /**
     * Makes the next relay of a mail with this subject fail right after its Graph send call.
     *
     * @param context the application context
     * @param subject the exact subject
     */
    public static void failAfterSendCall(ApplicationContext context, String subject) {
        context.getBean(MailSendFailpoints.class).failAfterSendCall(subject);
    }

    /**
     * Whether the failpoint for this subject has not fired yet.
     *
     * @param context the application context
     * @param subject the exact subject
     * @return true while armed
     */
    public static boolean armed(ApplicationContext context, String subject) {
        return context.getBean(MailSendFailpoints.class).armed(subject);
    }
}
