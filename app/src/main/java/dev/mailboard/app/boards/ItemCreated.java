package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.AccountId;
import java.time.Instant;

/**
 * An item was added to a board. Published in the transaction; listeners run after commit.
 *
 * @param accountId the board's account
 * @param boardId the board
 * @param itemId the new item
 * @param name its name
 * @param createdBy who created it
 * @param at when
 */
public record ItemCreated(
        AccountId accountId, BoardId boardId, ItemId itemId, String name, Author createdBy, Instant at) {}
