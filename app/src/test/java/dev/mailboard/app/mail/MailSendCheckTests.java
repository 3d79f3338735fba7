package dev.mailboard.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailboard.app.accounts.UserId;
import dev.mailboard.app.connections.ConnectionId;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Outgoing mail fields: control characters, strict addresses, the recipient limit (covers S-54). */
class MailSendCheckTests {

    private static final MailSendProperties LIMITS = new MailSendProperties(50, 3, 30, 50, 255, 200000);

    @Test
    void acceptsPlainAndNamedAddressesAndDropsDuplicates() {
        MailSendCheck.Checked checked = MailSendCheck.check(
                request(
                        List.of("ana@example.com", "Ana B <ANA@example.com>", "\"Bo\" <bo.x+tag@mail.example.org>"),
                        "Hello"),
                LIMITS);
        assertThat(checked.to())
                .containsExactly(
                        new MailSendCheck.Recipient("ana@example.com", null),
                        new MailSendCheck.Recipient("bo.x+tag@mail.example.org", "Bo"));
    }

    @Test
    void refusesAddressesOutsideTheStrictSubset() {
        for (String bad : List.of(
                "ana",
                "ana@",
                "@example.com",
                "ana@@example.com",
                "a..b@example.com",
                ".a@example.com",
                "ana@example",
                "ana@-example.com",
                "ana@example.123",
                "\"quoted\"@example.com",
                "ana@[127.0.0.1]",
                "ana(comment)@example.com",
                "a b@example.com",
                "Ana <ana@example.com",
                "Ana <ana@example.com>, bo@example.com",
                "Ana\" <ana@example.com>")) {
            assertThat(MailSendCheck.recipient(bad)).as(bad).isNull();
        }
    }

    @Test
    void refusesControlCharactersInSubjectNamesAndAddresses() {
        for (String subject : List.of("Hi\r\nBcc: x@example.com", "Hi\nthere", "Hi\u0000", "Hi\u2028", "Hi\u007f")) {
            MailSendRefusedException e = catchThrowableOfType(
                    MailSendRefusedException.class,
                    () -> MailSendCheck.check(request(List.of("a@example.com"), subject), LIMITS));
            assertThat(e.problems()).extracting(MailSendProblem::field).containsExactly("subject");
        }
        for (String to :
                List.of("a@example.com\r\nBcc: c@example.com", "Evil\r\nBcc: x <a@example.com>", "a\t@b.example")) {
            MailSendRefusedException e = catchThrowableOfType(
                    MailSendRefusedException.class, () -> MailSendCheck.check(request(List.of(to), "Hi"), LIMITS));
            assertThat(e.reason()).isEqualTo(MailSendRefusedException.Reason.INVALID);
            assertThat(e.problems()).extracting(MailSendProblem::field).containsExactly("to[0]");
        }
    }

    @Test
    void refusesMoreRecipientsThanTheLimit() {
        MailSendRefusedException e = catchThrowableOfType(
                MailSendRefusedException.class,
                () -> MailSendCheck.check(request(Collections.nCopies(51, "a@example.com"), "Hi"), LIMITS));
        assertThat(e.problems()).extracting(MailSendProblem::field).containsExactly("to");
    }

    @Test
    void sanitizesTheBody() {
        MailSendCheck.Checked checked = MailSendCheck.check(
                new MailSendRequest(
                        new ConnectionId(UUID.randomUUID()),
                        new UserId(UUID.randomUUID()),
                        List.of("a@example.com"),
                        "Hi",
                        "<p>Hello</p><script>alert(1)</script><img src=x onerror=alert(1)>",
                        "item:1",
                        false),
                LIMITS);
        assertThat(checked.bodyHtml())
                .contains("Hello")
                .doesNotContain("script")
                .doesNotContain("onerror");
    }

    private static MailSendRequest request(List<String> to, String subject) {
        return new MailSendRequest(
                new ConnectionId(UUID.randomUUID()),
                new UserId(UUID.randomUUID()),
                to,
                subject,
                "<p>x</p>",
                "item:1",
                false);
    }
}
