package dev.mailboard.app.accounts;

/**
 * A command to invite a user into the inviting admin's account.
 *
 * @param email the invitee's login address (unique across Mailboard)
 * @param displayName the name shown in pages
 * @param role the role the invitee gets
 */
public record NewInvitation(String email, String displayName, Role role) {}
