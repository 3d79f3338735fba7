package dev.mailboard.sandbox.control;

import dev.mailboard.sandbox.store.Header;
import dev.mailboard.sandbox.store.Ids;
import dev.mailboard.sandbox.store.InternetHeaders;
import dev.mailboard.sandbox.store.MailChange;
import dev.mailboard.sandbox.store.MailStore;
import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.Mailboxes;
import dev.mailboard.sandbox.store.MessageContent;
import dev.mailboard.sandbox.store.Recipient;
import dev.mailboard.sandbox.store.SentRecord;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * An auto-responder per mailbox, set through the control API: it answers mail arriving in the mailbox's
 * Inbox. {@link Mode#OUT_OF_OFFICE} behaves like Exchange's out-of-office: it honours
 * {@code X-Auto-Response-Suppress: All} (or {@code OOF}), does not answer automatic mail ({@code
 * Auto-Submitted} other than {@code no}, {@code Precedence: bulk/junk/list}), answers each sender once, and
 * replies in the thread ({@code In-Reply-To}, same conversation, "Automatic reply: " + subject).
 * {@link Mode#NAIVE} is a badly behaved responder: it answers every mail, suppression or not, with a fresh
 * mail (its own subject, no reference to the original, a new conversation). Both mark their mail
 * {@code Auto-Submitted: auto-replied}. Each responder stops after {@value #MAX_REPLIES} replies, so that two
 * naive sandbox mailboxes cannot answer each other forever.
 */
final class AutoResponder {

    /** The most replies one setting sends. */
    static final int MAX_REPLIES = 1000;

    /** How a responder behaves. */
    enum Mode {
        /** Like Exchange's out-of-office. */
        OUT_OF_OFFICE("out-of-office"),
        /** Answers everything, ignoring suppression and without threading. */
        NAIVE("naive");

        private final String code;

        Mode(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }

        static Optional<Mode> of(String code) {
            for (Mode mode : values()) {
                if (mode.code.equalsIgnoreCase(code.strip())) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A responder's setting.
     *
     * @param mode how it behaves
     * @param subject the subject of naive replies (out-of-office replies use "Automatic reply: " + subject)
     * @param text the reply's text
     */
    record Setting(Mode mode, String subject, String text) {}

    private final MailStore store;
    private final Mailboxes mailboxes;
    private final Map<String, Setting> settings = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> answered = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    private final ThreadLocal<@Nullable Deque<Runnable>> pending = new ThreadLocal<>();

    AutoResponder(MailStore store, Mailboxes mailboxes) {
        this.store = store;
        this.mailboxes = mailboxes;
        store.onChange(this::changed);
    }

    /** Sets (or replaces) a mailbox's responder; who it answered is forgotten. */
    void set(Mailbox mailbox, Setting setting) {
        settings.put(mailbox.id(), setting);
        answered.put(mailbox.id(), ConcurrentHashMap.newKeySet());
        sent.put(mailbox.id(), new AtomicInteger());
    }

    /** Switches a mailbox's responder off. */
    void clear(Mailbox mailbox) {
        settings.remove(mailbox.id());
        answered.remove(mailbox.id());
        sent.remove(mailbox.id());
    }

    Optional<Setting> setting(Mailbox mailbox) {
        return Optional.ofNullable(settings.get(mailbox.id()));
    }

    /** How many replies the mailbox's responder sent since it was set. */
    int replies(Mailbox mailbox) {
        AtomicInteger count = sent.get(mailbox.id());
        return count == null ? 0 : count.get();
    }

    private void changed(MailChange change) {
        if (change.kind() != MailChange.Kind.CREATED || change.message().isDraft()) {
            return;
        }
        Mailbox mailbox = mailboxes.find(change.message().mailboxId()).orElse(null);
        Setting setting = mailbox == null ? null : settings.get(mailbox.id());
        if (mailbox == null
                || setting == null
                || !mailbox.wellKnown("inbox").id().equals(change.message().folderId())) {
            return;
        }
        Set<String> senders = answered.computeIfAbsent(mailbox.id(), k -> ConcurrentHashMap.newKeySet());
        MessageContent reply = reply(mailbox, setting, change.message().content(), senders, store.now());
        AtomicInteger count = sent.computeIfAbsent(mailbox.id(), k -> new AtomicInteger());
        if (reply == null || count.incrementAndGet() > MAX_REPLIES) {
            return;
        }
        // A reply delivered to a mailbox with a responder triggers that one: run them one after the other
        // instead of nesting, so that a long exchange does not grow the stack.
        Deque<Runnable> queue = pending.get();
        if (queue != null) {
            queue.add(() -> send(mailbox, reply));
            return;
        }
        queue = new ArrayDeque<>();
        queue.add(() -> send(mailbox, reply));
        pending.set(queue);
        try {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        } finally {
            pending.remove();
        }
    }

    /**
     * The reply a responder sends to a mail, or null when it sends none. Remembers the sender in
     * {@code answered} when an out-of-office reply is sent.
     */
    static @Nullable MessageContent reply(
            Mailbox mailbox, Setting setting, MessageContent mail, Set<String> answered, Instant now) {
        String from = mail.from().address().toLowerCase(Locale.ROOT);
        if (from.isBlank() || from.equalsIgnoreCase(mailbox.address())) {
            return null;
        }
        boolean faithful = setting.mode() == Mode.OUT_OF_OFFICE;
        if (faithful && (suppressed(mail) || automatic(mail) || !answered.add(from))) {
            return null;
        }
        Recipient me = new Recipient(mailbox.displayName(), mailbox.address());
        List<Recipient> to =
                List.of(mail.replyTo().isEmpty() ? mail.from() : mail.replyTo().get(0));
        String subject = faithful ? "Automatic reply: " + mail.subject() : setting.subject();
        String messageId = InternetHeaders.newMessageId(mailbox.address());
        String inReplyTo = faithful ? mail.internetMessageId() : null;
        String conversationId = faithful ? mail.conversationId() : Ids.opaque("AAQkAG", 30);
        List<Header> custom = new ArrayList<>();
        custom.add(new Header("Auto-Submitted", "auto-replied"));
        return new MessageContent(
                subject,
                "html",
                "<p>" + HtmlUtils.htmlEscape(setting.text()) + "</p>",
                me,
                me,
                to,
                List.of(),
                List.of(),
                List.of(),
                messageId,
                conversationId,
                InternetHeaders.standard(me, to, List.of(), subject, messageId, now, inReplyTo, custom),
                List.of(),
                "normal",
                now);
    }

    private static boolean suppressed(MessageContent mail) {
        return header(mail, "X-Auto-Response-Suppress")
                .map(v -> List.of(v.toLowerCase(Locale.ROOT).split("\\s*,\\s*")))
                .map(v -> v.contains("all") || v.contains("oof"))
                .orElse(false);
    }

    private static boolean automatic(MessageContent mail) {
        boolean submitted = header(mail, "Auto-Submitted")
                .map(v -> !v.strip().equalsIgnoreCase("no"))
                .orElse(false);
        boolean bulk = header(mail, "Precedence")
                .map(v -> Set.of("bulk", "junk", "list").contains(v.strip().toLowerCase(Locale.ROOT)))
                .orElse(false);
        return submitted || bulk;
    }

    private static Optional<String> header(MessageContent mail, String name) {
        return mail.headers().stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(Header::value)
                .findFirst();
    }

    /** Sends like Graph's sendMail: a Sent Items copy, the Inbox of sandbox recipients, the sent log. */
    private void send(Mailbox mailbox, MessageContent reply) {
        String sentId = store.insert(
                        mailbox.id(), mailbox.wellKnown("sentitems").id(), reply, true, false)
                .immutableId();
        List<String> delivered = new ArrayList<>();
        List<String> external = new ArrayList<>();
        for (Recipient recipient : reply.to()) {
            Optional<Mailbox> target = mailboxes.find(recipient.address());
            if (target.isPresent()) {
                store.insert(target.get().id(), target.get().wellKnown("inbox").id(), reply, false, false);
                delivered.add(recipient.address().toLowerCase(Locale.ROOT));
            } else {
                external.add(recipient.address().toLowerCase(Locale.ROOT));
            }
        }
        store.recordSent(new SentRecord(mailbox.id(), sentId, store.now(), delivered, external, reply));
    }
}
