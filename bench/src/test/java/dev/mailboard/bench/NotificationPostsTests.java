package dev.mailboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationPostsTests {

    @Test
    void summarizesTheSandboxDeliveryLog() {
        String log = "[" + entry(3, 12, "delivered") + "," + entry(1, 40, "delivered") + ","
                + entry(5, 10_000, "retry in 5s") + "]";

        Map<String, Object> summary = NotificationPosts.summarize(log);

        assertThat(summary)
                .containsEntry("posts", 3)
                .containsEntry("notifications", 9)
                .containsEntry("notificationsPerPostMean", 3.0)
                .containsEntry("notificationsPerPostMax", 5)
                .containsEntry("answerMsP50", 40.0)
                .containsEntry("answerMsP99", 10_000.0)
                .containsEntry("outcomes", Map.of("delivered", 2, "retry in 5s", 1));
    }

    private static String entry(int count, long durationMs, String outcome) {
        return "{\"at\":\"2026-11-29T04:00:00Z\",\"kind\":\"change\",\"url\":\"http://localhost/webhooks\","
                + "\"subscriptionIds\":[\"a\"],\"count\":" + count + ",\"attempt\":1,\"status\":202,\"durationMs\":"
                + durationMs + ",\"outcome\":\"" + outcome + "\"}";
    }
}
