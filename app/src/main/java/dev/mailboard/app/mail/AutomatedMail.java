package dev.mailboard.app.mail;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises mail that no person wrote: auto-replies, bounces, list and bulk mail, delivery and read
 * reports, mail looping back, and Mailboard's own sends (S-51). Recipes skip such mail unless they opt in,
 * which is what stops two auto-answering mailboxes from talking to each other forever.
 */
public final class AutomatedMail {

    /** The header Mailboard puts on every mail it sends (S-52); its value names the recipe or item. */
    public static final String MARKER_HEADER = "X-Mailboard-Origin";

    private AutomatedMail() {}

    /** Why a mail counts as automated. */
    public enum Reason {
        /** {@code Auto-Submitted} other than {@code no} (auto-replies, notifications). */
        AUTO_SUBMITTED("an automatic reply or notification (Auto-Submitted)"),
        /** {@code X-Auto-Response-Suppress} asking for no auto-replies, as auto-replies themselves do. */
        AUTO_RESPONSE_SUPPRESSED("marked as automatic (X-Auto-Response-Suppress)"),
        /** {@code Precedence: bulk}, {@code junk} or {@code list}. */
        BULK("bulk or list mail (Precedence)"),
        /** {@code List-Id} or {@code List-Unsubscribe}. */
        MAILING_LIST("from a mailing list or newsletter (List-Id / List-Unsubscribe)"),
        /** An empty or {@code MAILER-DAEMON}/{@code postmaster} return path or sender. */
        BOUNCE("a bounce from a mail server"),
        /** A {@code multipart/report} delivery status notification. */
        DELIVERY_REPORT("a delivery report"),
        /** A {@code multipart/report} disposition notification: a read receipt. */
        READ_RECEIPT("a read receipt"),
        /** {@code X-Loop} present: the mail already went round once. */
        LOOP("a mail loop (X-Loop)"),
        /** Mailboard's own marker header: a mail Mailboard sent, coming back. */
        OWN_MAIL("sent by Mailboard itself");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /**
         * Why, in words a board user understands, for the run log's "skipped: ..." line.
         *
         * @return for example {@code a read receipt}
         */
        public String description() {
            return description;
        }
    }

    /**
     * Classifies a mail by its headers and sender.
     *
     * @param headers the mail's internet headers
     * @param fromAddress the {@code From} address, or an empty string
     * @return the reasons it counts as automated; empty for mail a person wrote
     */
    public static Set<Reason> classify(List<MailHeader> headers, String fromAddress) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        for (MailHeader header : headers) {
            classify(header, reasons);
        }
        if (isDaemon(fromAddress)) {
            reasons.add(Reason.BOUNCE);
        }
        return reasons;
    }

    private static void classify(MailHeader header, Set<Reason> reasons) {
        String value = header.value().trim().toLowerCase(Locale.ROOT);
        if (header.is("Auto-Submitted") && !value.startsWith("no")) {
            reasons.add(Reason.AUTO_SUBMITTED);
        } else if (header.is("X-Auto-Response-Suppress") && suppressesReplies(value)) {
            reasons.add(Reason.AUTO_RESPONSE_SUPPRESSED);
        } else if (header.is("Precedence")
                && (value.startsWith("bulk") || value.startsWith("junk") || value.startsWith("list"))) {
            reasons.add(Reason.BULK);
        } else if (header.is("List-Id") || header.is("List-Unsubscribe")) {
            reasons.add(Reason.MAILING_LIST);
        } else if (header.is("Return-Path") && (value.equals("<>") || value.isEmpty() || isDaemon(value))) {
            reasons.add(Reason.BOUNCE);
        } else if (header.is("Content-Type") && value.startsWith("multipart/report")) {
            reasons.add(value.contains("disposition-notification") ? Reason.READ_RECEIPT : Reason.DELIVERY_REPORT);
        } else if (header.is("X-Loop")) {
            reasons.add(Reason.LOOP);
        } else if (header.is(MARKER_HEADER)) {
            reasons.add(Reason.OWN_MAIL);
        }
    }

    private static boolean suppressesReplies(String value) {
        return value.contains("all") || value.contains("oof") || value.contains("autoreply");
    }

    private static boolean isDaemon(String address) {
        String local = address.trim().toLowerCase(Locale.ROOT).replace("<", "").replace(">", "");
        int at = local.indexOf('@');
        String name = at < 0 ? local : local.substring(0, at);
        return name.equals("mailer-daemon") || name.equals("postmaster");
    }
}
