package dev.mailboard.app.mail;

import java.util.UUID;

/**
 * The job that relays one outbox row to Graph.
 *
 * @param sendId the outbox row
 */
record MailSendJob(UUID sendId) {}
