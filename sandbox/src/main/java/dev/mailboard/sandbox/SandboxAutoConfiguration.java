package dev.mailboard.sandbox;

import dev.mailboard.sandbox.control.ControlConfiguration;
import dev.mailboard.sandbox.faults.FaultsConfiguration;
import dev.mailboard.sandbox.graph.GraphConfiguration;
import dev.mailboard.sandbox.identity.IdentityConfiguration;
import dev.mailboard.sandbox.notifications.NotificationsConfiguration;
import dev.mailboard.sandbox.store.IdentityStore;
import dev.mailboard.sandbox.store.MailStore;
import dev.mailboard.sandbox.store.Mailboxes;
import dev.mailboard.sandbox.store.SnapshotWriter;
import dev.mailboard.sandbox.store.StateChanges;
import dev.mailboard.sandbox.store.SubscriptionStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Starts the Microsoft sandbox inside a Spring Boot application when {@code mailboard.sandbox.enabled=true}.
 *
 * <p>Every bean is registered explicitly; nothing of the host application is scanned.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("mailboard.sandbox.enabled")
@EnableConfigurationProperties(SandboxProperties.class)
@Import({
    SandboxClock.class,
    SandboxJson.class,
    SandboxUrls.class,
    StateChanges.class,
    Mailboxes.class,
    MailStore.class,
    IdentityStore.class,
    SubscriptionStore.class,
    SnapshotWriter.class,
    IdentityConfiguration.class,
    FaultsConfiguration.class,
    NotificationsConfiguration.class,
    GraphConfiguration.class,
    ControlConfiguration.class,
    SandboxSecurityConfiguration.class
})
public class SandboxAutoConfiguration {}
