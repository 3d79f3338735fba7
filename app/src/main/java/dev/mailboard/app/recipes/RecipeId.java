package dev.mailboard.app.recipes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifies a recipe.
 *
 * @param value the id
 */
public record RecipeId(@JsonValue UUID value) {

    /**
     * A new random id.
     *
     * @return the id
     */
    public static RecipeId random() {
        return new RecipeId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
