package dev.mailboard.app.recipes;

import java.util.UUID;

/**
 * A job: copy a mail's attachments to the item a recipe created from it.
 *
 * @param recipeId the recipe
 * @param messageId the mail's immutable id
 * @param itemId the item
 */
record CopyAttachments(UUID recipeId, String messageId, long itemId) {}
