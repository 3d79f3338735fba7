package dev.mailboard.app.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/** The webhook edge's group commit, with a stand-in for the transaction that can be held and made to fail. */
class GroupCommitTests {

    private final List<List<ReceivedNotification>> writes = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstWriteMayFinish = new CountDownLatch(1);
    private final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private GroupCommit group;

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
        if (group != null) {
            group.close();
        }
    }

    @Test
    void requestsArrivingDuringACommitShareTheNextOneAndEachAnswersOnlyAfterItsOwn() throws Exception {
        group = new GroupCommit(holdingTheFirstWrite(notifications -> {}), committed::add, Duration.ofSeconds(10), 1);
        CompletableFuture<Void> first = store("first");
        assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Void>> next = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            next.add(store("next-" + i));
        }
        await().atMost(Duration.ofSeconds(10)).until(this::waitingInQueue, n -> n == 5);
        assertThat(first).isNotDone();
        assertThat(next).noneMatch(CompletableFuture::isDone);

        firstWriteMayFinish.countDown();

        CompletableFuture.allOf(next.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(first).isCompleted();
        assertThat(writes).hasSize(2);
        assertThat(writes.get(1)).hasSize(5);
        assertCommitted(1, 5);
    }

    @Test
    void withTwoWritersARequestDoesNotWaitForACommitThatIsStillUnderWay() throws Exception {
        group = new GroupCommit(holdingTheFirstWrite(notifications -> {}), committed::add, Duration.ofSeconds(10), 2);
        CompletableFuture<Void> first = store("first");
        assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();

        store("second").get(10, TimeUnit.SECONDS);

        assertThat(first).isNotDone();
        firstWriteMayFinish.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertCommitted(1, 1);
    }

    @Test
    void whenASharedCommitFailsEachRequestIsTriedAloneSoOnlyTheBadOneFails() throws Exception {
        group = new GroupCommit(
                holdingTheFirstWrite(notifications -> {
                    if (notifications.stream().anyMatch(n -> n.subscriptionId().equals("bad"))) {
                        throw new DataIntegrityViolationException("value too long");
                    }
                }),
                committed::add,
                Duration.ofSeconds(10),
                1);
        CompletableFuture<Void> first = store("first");
        assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> good = store("good");
        CompletableFuture<Void> bad = store("bad");
        await().atMost(Duration.ofSeconds(10)).until(this::waitingInQueue, n -> n == 2);

        firstWriteMayFinish.countDown();

        first.get(10, TimeUnit.SECONDS);
        good.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(writes.stream().filter(w -> w.size() == 1).map(w -> w.get(0).subscriptionId()))
                .contains("first", "good");
        assertCommitted(1, 1);
    }

    @Test
    void aClosedStoreRefusesWithADataAccessErrorSoTheEdgeAnswers503() {
        group = new GroupCommit(writes::add, committed::add, Duration.ofSeconds(10), 1);
        group.close();

        assertThatThrownBy(() -> group.store(List.of(notification("late"))))
                .isInstanceOf(DataAccessResourceFailureException.class)
                .hasMessageContaining("shutting down");
        assertThat(writes).isEmpty();
    }

    @Test
    void aCommitThatTakesLongerThanTheTimeoutAnswersADataAccessError() {
        group = new GroupCommit(holdingTheFirstWrite(notifications -> {}), committed::add, Duration.ofMillis(200), 1);

        assertThatThrownBy(() -> group.store(List.of(notification("slow"))))
                .isInstanceOf(DataAccessResourceFailureException.class)
                .hasMessageContaining("not stored within");
        firstWriteMayFinish.countDown();
    }

    /** A write that records what it stores and holds the first one until the test lets it finish. */
    private Consumer<List<ReceivedNotification>> holdingTheFirstWrite(Consumer<List<ReceivedNotification>> check) {
        return notifications -> {
            if (firstWriteStarted.getCount() > 0) {
                firstWriteStarted.countDown();
                try {
                    assertThat(firstWriteMayFinish.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            check.accept(notifications);
            writes.add(List.copyOf(notifications));
        };
    }

    /** The count is told just after the callers are answered, so it is awaited rather than read at once. */
    private void assertCommitted(Integer... counts) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(committed).containsExactly(counts));
    }

    private CompletableFuture<Void> store(String subscription) {
        return CompletableFuture.runAsync(() -> group.store(List.of(notification(subscription))), callers);
    }

    private int waitingInQueue() {
        return group.waiting();
    }

    private static ReceivedNotification notification(String subscription) {
        return new ReceivedNotification(subscription, "created", null, "m-" + subscription, "mail");
    }
}
