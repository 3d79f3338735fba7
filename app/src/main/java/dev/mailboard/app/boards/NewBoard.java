package dev.mailboard.app.boards;

/**
 * A command to create a board; its creator becomes its owner.
 *
 * @param name the board's name
 * @param description what it is for (may be empty)
 */
public record NewBoard(String name, String description) {}
