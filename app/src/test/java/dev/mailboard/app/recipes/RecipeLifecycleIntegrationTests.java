package dev.mailboard.app.recipes;

import static dev.mailboard.app.recipes.RecipeFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.accounts.Accounts;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.ItemQuery;
import dev.mailboard.app.boards.ItemView;
import dev.mailboard.app.connections.ConnectionNeedsReconnect;
import dev.mailboard.app.connections.ConnectionRestored;
import dev.mailboard.app.connections.Connections;
import dev.mailboard.app.mail.MailReceived;
import dev.mailboard.app.testing.MailboardIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Recipes follow their connection's health. */
@MailboardIntegrationTest
class RecipeLifecycleIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Boards boards;

    @Autowired
    Connections connections;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private RecipeFixtures.Setup setup;

    @BeforeEach
    void setUp() {
        setup = RecipeFixtures.setup(accounts, boards, connections, port);
    }

    @Test
    void aConnectionThatNeedsReconnectPausesItsRecipesAndRestoringResumesThem() {
        RecipeId recipe = RecipeFixtures.createRecipe(setup, "{\"type\":\"allOf\",\"conditions\":[]}");
        transactions.executeWithoutResult(status -> events.publishEvent(new ConnectionNeedsReconnect(
                setup.connection(), setup.account().id(), setup.owner().user().id(), Instant.now(), Instant.now())));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(json(setup.owner().client().get("/api/v1/recipes/" + recipe))
                                .path("pauseReason")
                                .asString())
                        .contains("needs to be reconnected"));
        assertThat(json(setup.owner().client().get("/api/v1/recipes/" + recipe))
                        .path("active")
                        .asBoolean())
                .isFalse();

        transactions.executeWithoutResult(status -> events.publishEvent(new ConnectionRestored(
                setup.connection(), setup.account().id(), setup.owner().user().id(), null, Instant.now())));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(json(setup.owner().client().get("/api/v1/recipes/" + recipe))
                                .path("active")
                                .asBoolean())
                        .isTrue());
    }

    private static String base64(int size) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) 'x');
        return Base64.getEncoder().encodeToString(bytes);
    }

    private void publish(MailReceived mail) {
        transactions.executeWithoutResult(status -> events.publishEvent(mail));
    }

    private List<ItemView> items() {
        return boards.items(owner(), setup.board().id(), ItemQuery.firstPage(50))
                .items();
    }

    private Actor owner() {
        return Actor.user(setup.owner().user().id());
    }
}
