package dev.mailboard.app.webhooks.web;

import static dev.mailboard.app.webhooks.TestSubscriptions.batch;
import static dev.mailboard.app.webhooks.TestSubscriptions.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailboard.app.testing.MailboardIntegrationTest;
import dev.mailboard.app.testing.TestClient;
import dev.mailboard.app.webhooks.TestSubscriptions;
import dev.mailboard.app.webhooks.WebhooksProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When the edge cannot take more: once shutdown begins (S-74) and while the stored backlog is over capacity
 * (S-28), it answers 503 with {@code Retry-After} at once, so Graph retries later, and what it acknowledged
 * before stays stored.
 */
@MailboardIntegrationTest
class EdgeAvailabilityIntegrationTests {

    private static final String FILLER = "backlog-filler";

    @LocalServerPort
    int port;

    @Autowired
    EdgeState edge;

    @Autowired
    TestSubscriptions subscriptions;

    @Autowired
    WebhooksProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry metrics;

    @Autowired
    DataSource dataSource;

    @Test
    void onceShutdownBeginsTheEdgeAnswers503AndKeepsWhatItAcknowledged() {
        TestSubscriptions.Registered subscription = subscriptions.register();
        // the edge counts its backlog every second: wait until it accepts (another test may have filled it)
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> post(batch(change(subscription.id(), subscription.clientState(), "acked")))
                                .statusCode()
                        == 202);

        HttpResponse<String> during;
        edge.stop();
        try {
            during = post(batch(change(subscription.id(), subscription.clientState(), "refused")));
        } finally {
            edge.start();
        }
        HttpResponse<String> after = post(batch(change(subscription.id(), subscription.clientState(), "later")));

        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After")).isPresent();
        assertThat(after.statusCode()).isEqualTo(202);
        assertThat(stored(subscription.id())).containsExactly("acked", "later");
        forget(subscription.id());
    }

    @Test
    void whileTheBacklogIsOverCapacityTheEdgeAnswers503UntilItDrains() {
        TestSubscriptions.Registered subscription = subscriptions.register();
        long capacity = properties.backlogCapacity();
        fillBacklog(capacity + 1);
        try {
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> post(batch(change(subscription.id(), subscription.clientState(), "probe")))
                                    .statusCode()
                            == 503);
            HttpResponse<String> refused = post(batch(change(subscription.id(), subscription.clientState(), "over")));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(metrics.get("mailboard.webhooks.inbox.backlog").gauge().value())
                    .isGreaterThan((double) capacity);
            assertThat(stored(subscription.id()))
                    .as("nothing stored while over capacity")
                    .doesNotContain("over");
        } finally {
            forget(FILLER);
        }

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> post(batch(change(subscription.id(), subscription.clientState(), "drained")))
                                .statusCode()
                        == 202);
        assertThat(stored(subscription.id())).contains("drained").doesNotContain("over");
        forget(subscription.id());
    }

    /** Stores entries no drain may claim yet (their lease runs for years), as a stuck backlog would look. */
    private void fillBacklog(long count) {
        String rows = isPostgres() ? "generate_series(1, ?)" : "system_range(1, ?)";
        jdbc.sql("insert into notification_inbox (subscription_id, change_type, message_id, received_at, claimed_until)"
                        + " select ?, 'created', 'filler', ?, ? from " + rows)
                .params(
                        FILLER,
                        Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now().plus(Duration.ofDays(3650))),
                        count)
                .update();
    }

    private boolean isPostgres() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> stored(String subscriptionId) {
        return jdbc.sql("select message_id from notification_inbox where subscription_id = ? order by id")
                .param(subscriptionId)
                .query(String.class)
                .list();
    }

    private void forget(String subscriptionId) {
        jdbc.sql("delete from notification_inbox where subscription_id = ?")
                .param(subscriptionId)
                .update();
    }

    private HttpResponse<String> post(String body) {
        TestClient client = TestClient.anonymous(port);
        return client.send(HttpRequest.newBuilder(client.uri("/webhooks/graph/notifications"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
