package dev.mailboard.app.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.mail.AutomatedMail.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** S-51 over header sets as real mail systems write them. */
class AutomatedMailTests {

    static Stream<Arguments> realWorldMail() {
        return Stream.of(
                Arguments.of(
                        "Exchange out-of-office reply",
                        "colleague@contoso.example",
                        headers(
                                "Auto-Submitted", "auto-generated",
                                "X-Auto-Response-Suppress", "All",
                                "X-MS-Exchange-Inbox-Rules-Loop", "colleague@contoso.example",
                                "Content-Type", "text/plain; charset=\"utf-8\""),
                        Set.of(Reason.AUTO_SUBMITTED, Reason.AUTO_RESPONSE_SUPPRESSED)),
                Arguments.of(
                        "Vacation responder of a web mail service",
                        "person@mail.example",
                        headers("Auto-Submitted", "auto-replied", "Precedence", "bulk", "X-Autoreply", "yes"),
                        Set.of(Reason.AUTO_SUBMITTED, Reason.BULK)),
                Arguments.of(
                        "Delivery failure from the postmaster",
                        "postmaster@contoso.example",
                        headers(
                                "Return-Path", "<>",
                                "Content-Type", "multipart/report; report-type=delivery-status; boundary=\"b1\"",
                                "Auto-Submitted", "auto-replied"),
                        Set.of(Reason.BOUNCE, Reason.DELIVERY_REPORT, Reason.AUTO_SUBMITTED)),
                Arguments.of(
                        "Bounce from MAILER-DAEMON without report type",
                        "MAILER-DAEMON@relay.example",
                        headers("Subject", "Undelivered Mail Returned to Sender"),
                        Set.of(Reason.BOUNCE)),
                Arguments.of(
                        "Mailing list message",
                        "someone@lists.example",
                        headers(
                                "List-Id", "<dev.lists.example>",
                                "List-Unsubscribe", "<mailto:leave@lists.example>",
                                "Precedence", "list"),
                        Set.of(Reason.MAILING_LIST, Reason.BULK)),
                Arguments.of(
                        "Newsletter with one-click unsubscribe",
                        "news@shop.example",
                        headers(
                                "List-Unsubscribe",
                                "<https://shop.example/u/1>",
                                "List-Unsubscribe-Post",
                                "List-Unsubscribe=One-Click"),
                        Set.of(Reason.MAILING_LIST)),
                Arguments.of(
                        "Read receipt",
                        "customer@fabrikam.example",
                        headers("Content-Type", "multipart/report; report-type=disposition-notification; boundary=x"),
                        Set.of(Reason.READ_RECEIPT)),
                Arguments.of(
                        "Mailboard's own mail coming back",
                        "support@contoso.example",
                        headers(AutomatedMail.MARKER_HEADER, "recipe=7f3c", "Auto-Submitted", "auto-generated"),
                        Set.of(Reason.OWN_MAIL, Reason.AUTO_SUBMITTED)),
                Arguments.of(
                        "Mail that already looped once",
                        "helpdesk@contoso.example",
                        headers("X-Loop", "helpdesk@contoso.example"),
                        Set.of(Reason.LOOP)),
                Arguments.of(
                        "A person's mail",
                        "alice@fabrikam.example",
                        headers(
                                "Return-Path", "<alice@fabrikam.example>",
                                "Auto-Submitted", "no",
                                "Content-Type", "multipart/alternative; boundary=a",
                                "Precedence", "first-class"),
                        Set.of()),
                Arguments.of(
                        "A person whose address merely contains a daemon's name",
                        "postmaster.fan@fabrikam.example",
                        headers("Return-Path", "<postmaster.fan@fabrikam.example>"),
                        Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realWorldMail")
    void classifiesRealWorldHeaderSets(String name, String from, List<MailHeader> headers, Set<Reason> expected) {
        assertThat(AutomatedMail.classify(headers, from)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realWorldMail")
    void headerNamesAreCaseInsensitive(String name, String from, List<MailHeader> headers, Set<Reason> expected) {
        List<MailHeader> shouting = headers.stream()
                .map(h -> new MailHeader(h.name().toUpperCase(java.util.Locale.ROOT), h.value()))
                .toList();

        assertThat(AutomatedMail.classify(shouting, from)).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<MailHeader> headers(String... namesAndValues) {
        List<MailHeader> headers = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(new MailHeader(namesAndValues[i], namesAndValues[i + 1]));
        }
        return headers;
    }
}
