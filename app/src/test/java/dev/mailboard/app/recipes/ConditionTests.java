package dev.mailboard.app.recipes;

import static dev.mailboard.app.recipes.MailFactsFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.mail.MailAttachment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class ConditionTests {

    private final MailFacts order =
            mail("Ana@Sales.Example.com", "Order 1234 for ACME", "Please ship the blue widgets");

    @ParameterizedTest
    @CsvSource({
        "ana@sales.example.com, true",
        "ANA@sales.example.com, true",
        "bob@sales.example.com, false",
        "example.com, true",
        "sales.example.com, true",
        "@example.com, true",
        "ample.com, false",
        "example.org, false"
    })
    void senderMatchesAnAddressOrADomainWithItsSubdomains(String value, boolean expected) {
        assertThat(new Condition.From(value).matches(order)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"support@acme.test, true", "acme.test, true", "partner.example, true", "other.test, false"})
    void recipientLooksAtToAndCc(String value, boolean expected) {
        assertThat(new Condition.Recipient(value).matches(order)).isEqualTo(expected);
    }

    @Test
    void subjectConditionsIgnoreCase() {
        assertThat(new Condition.SubjectContains("order").matches(order)).isTrue();
        assertThat(new Condition.SubjectContains("invoice").matches(order)).isFalse();
        assertThat(new Condition.SubjectNotContains("ACME").matches(order)).isFalse();
        assertThat(new Condition.SubjectNotContains("invoice").matches(order)).isTrue();
    }

    @Test
    void bodyContainsLooksAtTheTextNotTheMarkup() {
        MailFacts html = mail("a@b.example", "Hi", "<b>Urgent</b> &amp; important");
        assertThat(new Condition.BodyContains("urgent & important").matches(html))
                .isTrue();
        assertThat(new Condition.BodyContains("blue widgets").matches(order)).isTrue();
        assertThat(new Condition.BodyContains("<p>").matches(order)).isFalse();
    }

    @Test
    void hasAttachmentsIgnoresInlineImages() {
        MailAttachment logo = new MailAttachment("a1", "logo.png", "image/png", 900, true, "logo@x");
        MailAttachment pdf = new MailAttachment("a2", "order.pdf", "application/pdf", 90_000, false, null);
        assertThat(new Condition.HasAttachments().matches(order)).isFalse();
        assertThat(new Condition.HasAttachments().matches(MailFactsFixtures.withAttachments(order, List.of(logo))))
                .isFalse();
        assertThat(new Condition.HasAttachments().matches(MailFactsFixtures.withAttachments(order, List.of(logo, pdf))))
                .isTrue();
    }

    @Test
    void importanceComparesTheLevel() {
        assertThat(new Condition.Importance("high").matches(MailFactsFixtures.withImportance(order, "high")))
                .isTrue();
        assertThat(new Condition.Importance("High").matches(MailFactsFixtures.withImportance(order, "high")))
                .isTrue();
        assertThat(new Condition.Importance("high").matches(order)).isFalse();
    }

    @Test
    void combinationsFollowBooleanLogic() {
        Condition yes = new Condition.SubjectContains("order");
        Condition no = new Condition.SubjectContains("invoice");
        assertThat(new Condition.AllOf(List.of(yes, yes)).matches(order)).isTrue();
        assertThat(new Condition.AllOf(List.of(yes, no)).matches(order)).isFalse();
        assertThat(new Condition.AllOf(List.of()).matches(order)).isTrue();
        assertThat(new Condition.AnyOf(List.of(no, yes)).matches(order)).isTrue();
        assertThat(new Condition.AnyOf(List.of(no, no)).matches(order)).isFalse();
        assertThat(new Condition.Not(no).matches(order)).isTrue();
        assertThat(new Condition.Not(yes).matches(order)).isFalse();
        Condition nested = new Condition.AllOf(
                List.of(new Condition.From("example.com"), new Condition.AnyOf(List.of(no, new Condition.Not(no)))));
        assertThat(nested.matches(order)).isTrue();
        assertThat(new Condition.Not(nested).matches(order)).isFalse();
    }

    @Test
    void mismatchNamesTheConditionThatFailed() {
        Condition condition = new Condition.AllOf(
                List.of(new Condition.From("example.com"), new Condition.SubjectContains("invoice")));
        assertThat(condition.mismatch(order)).isEqualTo("not subject contains \"invoice\"");
        assertThat(new Condition.Not(new Condition.From("example.com")).mismatch(order))
                .isEqualTo("sender is example.com");
        assertThat(new Condition.AnyOf(List.of(new Condition.SubjectContains("x"))).mismatch(order))
                .startsWith("none of");
        assertThat(new Condition.From("example.com").mismatch(order)).isNull();
    }

    @Test
    void validationReportsEachBadFieldWithItsPath() {
        List<FieldProblem> problems = new ArrayList<>();
        new Condition.AllOf(List.of(
                        new Condition.SubjectContains(" "),
                        new Condition.AnyOf(List.of()),
                        new Condition.From("not an address"),
                        new Condition.Importance("urgent")))
                .validate("condition", problems, 0);
        assertThat(problems)
                .extracting(FieldProblem::field)
                .containsExactly(
                        "condition.conditions[0].text",
                        "condition.conditions[1].conditions",
                        "condition.conditions[2].value",
                        "condition.conditions[3].level");
    }

    @Test
    void validationRefusesDeepNesting() {
        Condition deep = new Condition.SubjectContains("x");
        for (int i = 0; i < Condition.MAX_DEPTH + 1; i++) {
            deep = new Condition.Not(deep);
        }
        List<FieldProblem> problems = new ArrayList<>();
        deep.validate("condition", problems, 0);
        assertThat(problems).extracting(FieldProblem::message).anyMatch(m -> m.contains("deeper"));
    }

    @Test
    void senderConditionsAreFlaggedAsNotAuthenticated() {
        assertThat(new Condition.Not(new Condition.From("a.example")).mentionsSender())
                .isTrue();
        assertThat(new Condition.AnyOf(List.of(new Condition.SubjectContains("x"))).mentionsSender())
                .isFalse();
    }

    @Test
    void conditionsRoundTripThroughJson() {
        JsonMapper json = JsonMapper.builder().build();
        Condition condition = new Condition.AllOf(List.of(
                new Condition.From("example.com"),
                new Condition.Not(new Condition.AnyOf(
                        List.of(new Condition.Importance("low"), new Condition.HasAttachments())))));
        String text = json.writeValueAsString(condition);
        assertThat(text).contains("\"type\":\"allOf\"", "\"type\":\"not\"", "\"type\":\"hasAttachments\"");
        assertThat(json.readValue(text, Condition.class)).isEqualTo(condition);
    }
}
