package dev.mailboard.app.boards;

import dev.mailboard.app.text.RichText;
import java.time.Instant;
import java.util.List;

/**
 * An update posted on an item.
 *
 * @param id the update
 * @param itemId its item
 * @param body sanitized HTML (see {@link RichText}); safe to render as is
 * @param author a user, or an integration ("via email from ...")
 * @param createdAt when
 * @param files the files attached to it
 */
public record UpdateView(
        UpdateId id, ItemId itemId, String body, Author author, Instant createdAt, List<FileView> files) {}
