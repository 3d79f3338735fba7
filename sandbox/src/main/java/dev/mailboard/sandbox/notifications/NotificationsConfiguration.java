package dev.mailboard.sandbox.notifications;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Registers subscriptions, the validation handshake and notification delivery. */
@Configuration(proxyBeanMethods = false)
@Import({
    DeliveryLog.class,
    EndpointValidator.class,
    ValidationTokens.class,
    NotificationSender.class,
    NotificationDispatcher.class,
    Subscriptions.class
})
public class NotificationsConfiguration {}
