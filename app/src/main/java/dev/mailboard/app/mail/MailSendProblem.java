package dev.mailboard.app.mail;

/**
 * What is wrong with one field of a {@link MailSendRequest}.
 *
 * @param field the field, for example {@code subject} or {@code to[1]}
 * @param message what is wrong, in words a user understands
 */
public record MailSendProblem(String field, String message) {}
