/**
 * Recipes: which mail arriving in a connected mailbox matters (conditions) and what it becomes on a board
 * (an item, or an update on the item of its thread), with a run log of every mail a recipe saw, replay and
 * dry runs. The public surface is {@link dev.mailboard.app.recipes.Recipes} with its records.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"accounts", "boards", "connections", "mail", "jobs", "jobs :: spi", "text"})
package dev.mailboard.app.recipes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
