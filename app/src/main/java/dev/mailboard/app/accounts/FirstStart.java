package dev.mailboard.app.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On an empty database, creates the "Demo" account and its first admin. A generated password is
 * shown once on the console and kept in an owner-only file in the data directory. Listeners of {@link
 * FirstStartCompleted} add their sample content in the same transaction, so it exists exactly once.
 */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {

    static final String DEMO_ACCOUNT = "Demo";
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Accounts accounts;
    private final AccountsProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    FirstStart(
            Accounts accounts,
            AccountsProperties properties,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.isEmpty()) {
            return;
        }
        String configured = properties.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = configured == null || configured.isBlank() ? randomPassword() : configured;
        transactions.executeWithoutResult(status -> {
            AccountView account = accounts.createAccount(DEMO_ACCOUNT);
            UserView admin = accounts.createUser(
                    new NewUser(account.id(), properties.adminEmail(), "Administrator", Role.ADMIN), password);
            events.publishEvent(new FirstStartCompleted(account.id(), admin.id()));
        });
        if (generated) {
            writePasswordFile(password);
            log.info(
                    "\n\n  First start: created the account 'Demo' and its admin.\n  Sign in as {} with the password {}\n"
                            + "  (shown only this once; it is also in {}, readable only by you).\n",
                    properties.adminEmail(),
                    password,
                    properties.adminPasswordFile().toAbsolutePath());
        } else {
            log.info("First start: created the account 'Demo' and its admin {}", properties.adminEmail());
        }
    }

    private String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private void writePasswordFile(String password) {
        Path file = properties.adminPasswordFile();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, properties.adminEmail() + "\n" + password + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the admin password file " + file, e);
        }
    }
}
