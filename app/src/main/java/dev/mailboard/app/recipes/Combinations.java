package dev.mailboard.app.recipes;

import java.util.List;

/** Checks the children of {@code allOf} and {@code anyOf}. */
final class Combinations {

    private Combinations() {}

    static void validate(List<Condition> conditions, String path, List<FieldProblem> problems, int depth) {
        if (depth >= Condition.MAX_DEPTH) {
            problems.add(new FieldProblem(path, "nests deeper than " + Condition.MAX_DEPTH + " levels"));
            return;
        }
        for (int i = 0; i < conditions.size(); i++) {
            Condition child = conditions.get(i);
            String at = path + ".conditions[" + i + "]";
            if (child == null) {
                problems.add(new FieldProblem(at, "must be a condition"));
            } else {
                child.validate(at, problems, depth + 1);
            }
        }
    }
}
