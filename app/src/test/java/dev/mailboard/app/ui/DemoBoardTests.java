package dev.mailboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.mailboard.app.accounts.AccountId;
import dev.mailboard.app.accounts.FirstStartCompleted;
import dev.mailboard.app.accounts.UserId;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.recipes.Recipes;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DemoBoardTests {

    private final Boards boards = mock(Boards.class);

    @Test
    void withMicrosoftConfiguredTheFirstStartCreatesNoDemoBoard() {
        DemoBoard demo = demo(new MockEnvironment()
                .withProperty("mailboard.sandbox.enabled", "true")
                .withProperty("mailboard.connections.microsoft.client-id", "11111111-2222-3333-4444-555555555555"));

        demo.firstStart(event());

        assertThat(demo.sandboxIsTheProvider()).isFalse();
        verifyNoInteractions(boards);
    }

    @Test
    void withTheSandboxOffTheFirstStartCreatesNoDemoBoard() {
        DemoBoard demo = demo(new MockEnvironment().withProperty("mailboard.sandbox.enabled", "false"));

        demo.firstStart(event());

        assertThat(demo.sandboxIsTheProvider()).isFalse();
        verifyNoInteractions(boards);
    }

    @Test
    void theSandboxIsTheProviderWhenItIsOnAndNothingElseIsConfigured() {
        assertThat(demo(new MockEnvironment().withProperty("mailboard.sandbox.enabled", "true"))
                        .sandboxIsTheProvider())
                .isTrue();
        assertThat(demo(new MockEnvironment()
                                .withProperty("mailboard.sandbox.enabled", "true")
                                .withProperty(
                                        "mailboard.connections.provider.authorization-uri",
                                        "https://login.example.test/authorize"))
                        .sandboxIsTheProvider())
                .isFalse();
    }

    private DemoBoard demo(MockEnvironment environment) {
        return new DemoBoard(boards, mock(Recipes.class), mock(Connections.class), environment);
    }

    private static FirstStartCompleted event() {
        return new FirstStartCompleted(new AccountId(UUID.randomUUID()), new UserId(UUID.randomUUID()));
    }
}
