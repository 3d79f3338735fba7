package dev.mailboard.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** S-7: whatever "return to" target is asked for, the browser is only ever sent to an allowlisted path. */
class ConnectReturnTargetPropertyTests {

    @Property(tries = 2000)
    void everyResultIsAnAllowlistedRelativePath(@ForAll("targets") String requested) {
        String target = ReturnTargets.sanitize(requested);
        assertThat(target).startsWith("/").doesNotStartWith("//").doesNotContain("\\", ":", "..", "?", "#", "@", "%");
        assertThat(target).matches("/(integrations|boards|recipes|settings)(/[A-Za-z0-9_-]+)*");
        if (!target.equals(requested)) {
            assertThat(target).isEqualTo(ReturnTargets.DEFAULT);
        }
    }

    @Provide
    Arbitrary<String> targets() {
        Arbitrary<String> hostile = Arbitraries.of(
                "//evil.example",
                "https://evil.example/integrations",
                "/\\evil.example",
                "/integrations/../admin",
                "/integrations?x=https://evil",
                "javascript:alert(1)",
                "/%2F%2Fevil.example",
                "/integrations@evil",
                " /integrations",
                "/integrations#frag",
                "\t//evil",
                "/boards/..%2F..");
        Arbitrary<String> segments = Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyzABC0123456789_-./\\:@%?#& ")
                .ofMaxLength(30);
        Arbitrary<String> prefixed = Arbitraries.of("/integrations", "/boards", "/recipes", "/settings", "/", "//", "")
                .flatMap(prefix -> segments.map(s -> prefix + s));
        return Arbitraries.oneOf(hostile, prefixed, Arbitraries.strings().ofMaxLength(40));
    }
}
