package dev.mailboard.sandbox.control;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Registers the control API and the sandbox page. */
@Configuration(proxyBeanMethods = false)
@Import({AutoResponder.class, MailboxControlController.class, ControlController.class, SandboxPageController.class})
public class ControlConfiguration {}
