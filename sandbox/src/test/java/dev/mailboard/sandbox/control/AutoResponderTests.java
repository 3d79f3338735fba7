package dev.mailboard.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.sandbox.SandboxClock;
import dev.mailboard.sandbox.store.Header;
import dev.mailboard.sandbox.store.InternetHeaders;
import dev.mailboard.sandbox.store.MailStore;
import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.Mailboxes;
import dev.mailboard.sandbox.store.MessageContent;
import dev.mailboard.sandbox.store.Recipient;
import dev.mailboard.sandbox.store.StateChanges;
import dev.mailboard.sandbox.store.StoredMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's auto-responder: Exchange-like out-of-office and the naive mode. */
class AutoResponderTests {

    private MailStore store;
    private AutoResponder responder;
    private Mailbox ana;
    private Mailbox bob;

    @BeforeEach
    void setUp() {
        SandboxClock clock = new SandboxClock();
        StateChanges changes = new StateChanges();
        Mailboxes mailboxes = new Mailboxes(clock, changes);
        store = new MailStore(clock, changes);
        responder = new AutoResponder(store, mailboxes);
        ana = mailboxes.create("ana@sandbox.test", "Ana").orElseThrow();
        bob = mailboxes.create("bob@sandbox.test", "Bob").orElseThrow();
    }

    @Test
    void outOfOfficeRepliesOncePerSenderInTheThreadAndMarksItsReply() {
        responder.set(bob, new AutoResponder.Setting(AutoResponder.Mode.OUT_OF_OFFICE, "ignored", "Away until Monday"));

        StoredMessage first = deliver(ana, bob, "Hello", List.of());
        deliver(ana, bob, "Hello again", List.of());

        List<StoredMessage> replies = inbox(ana);
        assertThat(replies).hasSize(1);
        MessageContent reply = replies.get(0).content();
        assertThat(reply.subject()).isEqualTo("Automatic reply: Hello");
        assertThat(reply.body()).contains("Away until Monday");
        assertThat(header(reply, "Auto-Submitted")).contains("auto-replied");
        assertThat(header(reply, "In-Reply-To")).contains(first.content().internetMessageId());
        assertThat(reply.conversationId()).isEqualTo(first.content().conversationId());
        assertThat(store.sentBy(bob.id())).hasSize(1);
        assertThat(responder.replies(bob)).isEqualTo(1);
    }

    @Test
    void outOfOfficeHonoursSuppressionAndDoesNotAnswerAutomaticMail() {
        responder.set(bob, new AutoResponder.Setting(AutoResponder.Mode.OUT_OF_OFFICE, "x", "Away"));

        deliver(ana, bob, "Suppressed", List.of(new Header("X-Auto-Response-Suppress", "All")));
        deliver(ana, bob, "Suppressed OOF", List.of(new Header("X-Auto-Response-Suppress", "DR, OOF")));
        deliver(ana, bob, "Automatic", List.of(new Header("Auto-Submitted", "auto-generated")));
        deliver(ana, bob, "List", List.of(new Header("Precedence", "list")));

        assertThat(inbox(ana)).isEmpty();

        deliver(ana, bob, "Plain", List.of(new Header("Auto-Submitted", "no")));
        assertThat(inbox(ana)).hasSize(1);
    }

    @Test
    void naiveRepliesToEveryMailWithAFreshUnthreadedMail() {
        responder.set(bob, new AutoResponder.Setting(AutoResponder.Mode.NAIVE, "Thanks for your mail", "Got it"));

        StoredMessage first =
                deliver(ana, bob, "[#12] Your request", List.of(new Header("X-Auto-Response-Suppress", "All")));
        deliver(ana, bob, "[#13] Another", List.of(new Header("Auto-Submitted", "auto-generated")));

        List<StoredMessage> replies = inbox(ana);
        assertThat(replies).hasSize(2);
        for (StoredMessage reply : replies) {
            assertThat(reply.content().subject()).isEqualTo("Thanks for your mail");
            assertThat(header(reply.content(), "In-Reply-To")).isEmpty();
            assertThat(header(reply.content(), "Auto-Submitted")).contains("auto-replied");
            assertThat(reply.content().conversationId())
                    .isNotEqualTo(first.content().conversationId());
        }
    }

    @Test
    void twoNaiveRespondersStopAtTheCap() {
        responder.set(ana, new AutoResponder.Setting(AutoResponder.Mode.NAIVE, "Auto", "a"));
        responder.set(bob, new AutoResponder.Setting(AutoResponder.Mode.NAIVE, "Auto", "b"));

        deliver(ana, bob, "Start", List.of());

        assertThat(responder.replies(bob)).isEqualTo(AutoResponder.MAX_REPLIES + 1);
        assertThat(store.sentBy(bob.id())).hasSize(AutoResponder.MAX_REPLIES);
        assertThat(store.sentBy(ana.id())).hasSize(AutoResponder.MAX_REPLIES);
    }

    @Test
    void noResponderNoReplyAndClearingStopsIt() {
        deliver(ana, bob, "Nobody home", List.of());
        assertThat(inbox(ana)).isEmpty();

        responder.set(bob, new AutoResponder.Setting(AutoResponder.Mode.NAIVE, "Auto", "b"));
        responder.clear(bob);
        deliver(ana, bob, "Still nobody", List.of());
        assertThat(inbox(ana)).isEmpty();
        assertThat(responder.setting(bob)).isEqualTo(Optional.empty());
    }

    private StoredMessage deliver(Mailbox from, Mailbox to, String subject, List<Header> custom) {
        Recipient sender = new Recipient(from.displayName(), from.address());
        List<Recipient> recipients = List.of(new Recipient(to.displayName(), to.address()));
        String messageId = InternetHeaders.newMessageId(from.address());
        MessageContent content = new MessageContent(
                subject,
                "html",
                "<p>" + subject + "</p>",
                sender,
                sender,
                recipients,
                List.of(),
                List.of(),
                List.of(),
                messageId,
                "conv-" + messageId,
                InternetHeaders.standard(sender, recipients, List.of(), subject, messageId, store.now(), null, custom),
                List.of(),
                "normal",
                store.now());
        return store.insert(to.id(), to.wellKnown("inbox").id(), content, false, false);
    }

    private List<StoredMessage> inbox(Mailbox mailbox) {
        String inbox = mailbox.wellKnown("inbox").id();
        return store.inMailbox(mailbox.id())
                .filter(m -> m.folderId().equals(inbox))
                .toList();
    }

    private static Optional<String> header(MessageContent content, String name) {
        return content.headers().stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(Header::value)
                .findFirst();
    }
}
