package dev.mailboard.app.mail;

import dev.mailboard.app.jobs.JobRequest;
import dev.mailboard.app.jobs.spi.RecurringJob;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mail module's recurring work, each run once across instances: the inbox sweep (entries no drain job
 * took), catch-up rounds (S-70), renewals due (S-30) and the reconciler.
 */
@Configuration(proxyBeanMethods = false)
class MailSchedules {

    private static final int RENEWALS_PER_RUN = 500;
    private static final int SWEEP_BATCHES = 20;

    @Bean
    RecurringJob mailInboxSweep(InboxDrain drain, MailProperties properties) {
        return recurring("mail-inbox-sweep", properties.drainSweepInterval(), () -> {
            for (int i = 0; i < SWEEP_BATCHES && drain.drainOnce() >= properties.drainBatchSize(); i++) {
                // a full batch: more may wait
            }
        });
    }

    @Bean
    RecurringJob mailCatchUp(CatchUp catchUp, MailProperties properties) {
        return recurring("mail-catch-up", properties.catchUpInterval(), catchUp::requestAll);
    }

    @Bean
    RecurringJob mailSubscriptionRenewals(
            SubscriptionRepository subscriptions, LifecycleEvents lifecycle, MailProperties properties, Clock clock) {
        return recurring(
                "mail-subscription-renewals",
                properties.renewCheckInterval(),
                () -> subscriptions
                        .dueForRenewal(clock.instant(), RENEWALS_PER_RUN)
                        .forEach(due -> lifecycle.renew(due.id())));
    }

    @Bean
    RecurringJob mailSubscriptionReconciler(WatchRepository watches, MailQueue jobs, MailProperties properties) {
        return recurring(
                "mail-subscription-reconciler",
                properties.reconcileInterval(),
                () -> watches.active()
                        .forEach(connection -> jobs.enqueue(JobRequest.now(
                                new MailCommands.ReconcileSubscriptions(connection.value()),
                                "reconcile:" + connection))));
    }

    private static RecurringJob recurring(String name, Duration interval, Runnable body) {
        return new RecurringJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public void run() {
                body.run();
            }
        };
    }
}
