package dev.mailboard.app.recipes;

import java.util.List;
import java.util.stream.Collectors;

/** A recipe as sent cannot work: answer 400 with the field problems. */
public class InvalidRecipeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<FieldProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems what is wrong, at least one
     */
    public InvalidRecipeException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> "'" + p.field() + "' " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /**
     * What is wrong.
     *
     * @return one problem per field
     */
    public List<FieldProblem> problems() {
        return problems;
    }
}
