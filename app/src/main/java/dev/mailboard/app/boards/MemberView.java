package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.UserId;

/**
 * A member of a board.
 *
 * @param userId the user
 * @param role the user's board role
 */
public record MemberView(UserId userId, BoardRole role) {}
