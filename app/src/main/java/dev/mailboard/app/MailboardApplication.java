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
        SpringApplication.run(MailboardApplication.class, args);
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
