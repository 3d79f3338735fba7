package dev.mailboard.app.recipes;

/**
 * One thing wrong with a recipe as it was sent.
 *
 * @param field where, for example {@code condition.conditions[1].text}
 * @param message what is wrong, for example {@code must not be blank}
 */
public record FieldProblem(String field, String message) {}
