package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.AccountId;
import java.time.Instant;

/**
 * An update was posted on an item.
 *
 * @param accountId the board's account
 * @param boardId the board
 * @param itemId the item
 * @param updateId the update
 * @param author who posted it
 * @param at when
 */
public record UpdatePosted(
        AccountId accountId, BoardId boardId, ItemId itemId, UpdateId updateId, Author author, Instant at) {}
