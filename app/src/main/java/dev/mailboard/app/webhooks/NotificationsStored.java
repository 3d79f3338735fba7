package dev.mailboard.app.webhooks;

/**
 * Published after notifications were committed to the inbox, to wake whoever processes it. It is a hint,
 * not the record: the inbox rows are, so a lost hint only delays processing until the next sweep.
 *
 * @param count how many entries were stored
 */
public record NotificationsStored(int count) {}
