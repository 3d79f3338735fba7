package dev.mailboard.app.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientDomainsTests {

    @Test
    void theDomainIsTheLowerCasedPartAfterTheAt() {
        assertThat(RecipientDomains.domainOf("Ana@Example.COM")).isEqualTo("example.com");
        assertThat(RecipientDomains.domainOf(" Ana <ana@sub.example.org> ")).isEqualTo("sub.example.org");
    }

    @Test
    void whatOutgoingMailWouldRefuseHasNoDomainAndIsLeftToTheStrictAddressCheck() {
        assertThat(RecipientDomains.domainOf("no-at-sign")).isNull();
        assertThat(RecipientDomains.domainOf("ana@localhost")).isNull();
        assertThat(RecipientDomains.domainOf("a@evil.example, b@own.example")).isNull();
        assertThat(RecipientDomains.domainOf("b@own.example>")).isNull();
    }
}
