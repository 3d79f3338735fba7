package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.AccountId;
import java.time.Instant;

/**
 * An item was deleted with its values, updates and files.
 *
 * @param accountId the board's account
 * @param boardId the board
 * @param itemId the item that no longer exists
 * @param deletedBy who deleted it
 * @param at when
 */
public record ItemDeleted(AccountId accountId, BoardId boardId, ItemId itemId, Author deletedBy, Instant at) {}
