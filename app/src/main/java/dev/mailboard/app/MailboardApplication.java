package dev.mailboard.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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
}
