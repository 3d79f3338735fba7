package dev.mailboard.app;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Mailboard: turns email arriving in connected Outlook mailboxes into work on boards. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MailboardApplication {

    /**
     * Starts Mailboard.
     *
     * @param args Spring Boot command-line arguments
     */
    public static void main(String[] args) {
        keepAsyncStagesOnAPool();
        SpringApplication.run(MailboardApplication.class, args);
    }

    /**
     * On one or two cores the JDK's common fork-join pool has a parallelism of one, and {@code CompletableFuture}
     * then starts a new thread for every asynchronous stage. The JDK HTTP client hands every response of
     * {@code sendAsync}, which Spring's {@code JdkClientHttpRequestFactory} uses for each Graph call, to that
     * default executor: each Graph response started and ended a thread. A parallelism of two keeps those stages on
     * the pool. An explicit setting of the property is left alone. Must run before anything uses
     * {@code CompletableFuture}, which reads the parallelism once.
     */
    static void keepAsyncStagesOnAPool() {
        String parallelism = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (System.getProperty(parallelism) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(parallelism, "2");
        }
    }

    /**
     * The clock every module reads the time from, so tests can fix it.
     *
     * @return the system clock in UTC
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
