package dev.mailboard.app.accounts;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the accounts module.
 *
 * @param adminEmail the first admin's address, created on an empty database
 * @param adminPassword the first admin's password; when blank a random one is generated, printed
 *     once and written to {@code adminPasswordFile}
 * @param adminPasswordFile where a generated first-admin password is written (owner-only)
 */
@ConfigurationProperties("mailboard.accounts")
record AccountsProperties(String adminEmail, @Nullable String adminPassword, Path adminPasswordFile) {

    @Override
    public String toString() {
        return "AccountsProperties[adminEmail=" + adminEmail + ", adminPasswordFile=" + adminPasswordFile + "]";
    }
}
