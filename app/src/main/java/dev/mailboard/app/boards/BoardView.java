package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.AccountId;
import java.time.Instant;

/**
 * A board as the caller sees it.
 *
 * @param id the board
 * @param accountId its account
 * @param name its name
 * @param description what it is for (may be empty)
 * @param createdBy who created it
 * @param createdAt when
 * @param role the caller's effective role on it (account admins are owners)
 */
public record BoardView(
        BoardId id,
        AccountId accountId,
        String name,
        String description,
        Author createdBy,
        Instant createdAt,
        BoardRole role) {

    /**
     * Whether the caller may change items, post updates and attach files.
     *
     * @return true for editors and owners
     */
    public boolean canEdit() {
        return role.includes(BoardRole.EDITOR);
    }

    /**
     * Whether the caller may manage columns and members.
     *
     * @return true for owners
     */
    public boolean canManage() {
        return role.includes(BoardRole.OWNER);
    }
}
