package dev.mailboard.sandbox.graph;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Registers the emulated Graph API. */
@Configuration(proxyBeanMethods = false)
@Import({
    MessageReads.class,
    MessageWrites.class,
    Outbox.class,
    DeltaQuery.class,
    MailRoutes.class,
    SubscriptionResources.class,
    GraphRouter.class,
    GraphController.class
})
public class GraphConfiguration {}
