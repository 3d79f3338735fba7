package dev.mailboard.app.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says where Mailboard can be opened once it is ready, and how to sign in: the admin's address and, while
 * the first start's password file exists, where that file is. It never prints a password.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final ServiceProperties properties;
    private final Environment environment;

    StartupReport(ServiceProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        log.info(readyLine());
        log.info(signInLine());
    }

    /** The ready line: the URL, the data directory and, when it is on, the sandbox page. */
    String readyLine() {
        String url = url();
        boolean sandbox = environment.getProperty("mailboard.sandbox.enabled", Boolean.class, false);
        return "Mailboard is ready at " + url + "/ (data in "
                + properties.dataDir().toAbsolutePath().normalize() + ")"
                + (sandbox ? "; the Microsoft sandbox (mailboxes, test mail) is at " + url + "/sandbox" : "");
    }

    /** How to sign in: the admin's address and, while it exists, the file with the first password. */
    String signInLine() {
        String email = environment.getProperty("mailboard.accounts.admin-email", "");
        String file = environment.getProperty("mailboard.accounts.admin-password-file");
        return signInLine(email, file == null ? null : Path.of(file));
    }

    static String signInLine(String adminEmail, @Nullable Path passwordFile) {
        String who = adminEmail.isBlank() ? "the admin" : adminEmail;
        if (passwordFile != null && Files.isRegularFile(passwordFile)) {
            return "Sign in as " + who + "; the first password is in "
                    + passwordFile.toAbsolutePath().normalize()
                    + " (delete that file once you have signed in and changed the password)";
        }
        return "Sign in as " + who + " with the admin password";
    }

    private String url() {
        return properties.publicUrl().toString().replaceAll("/+$", "");
    }
}
