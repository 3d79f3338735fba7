package dev.mailboard.app.ui;

import dev.mailboard.app.recipes.Condition;
import dev.mailboard.app.recipes.RecipeAction;
import dev.mailboard.app.recipes.RecipeView;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Fills the {@link RecipeForm}: empty for a board, from the posted fields, or from a recipe to edit. */
final class RecipeForms {

    private static final String SOURCE = "source.";
    private static final String FIXED = "fixed.";

    private RecipeForms() {}

    /** An empty form for a board (may be empty): new items are named after the subject, with the mail as update. */
    static RecipeForm empty(String boardId) {
        return new RecipeForm(
                "",
                boardId,
                "",
                "",
                "",
                "",
                "",
                "",
                false,
                "",
                "all",
                false,
                "create_item",
                "create_item",
                true,
                true,
                Map.of(),
                Map.of(),
                null);
    }

    /**
     * Binds the posted fields; columns are posted as {@code source.<column id>} and {@code fixed.<column id>}.
     *
     * @param fields the form fields
     * @param kept the condition to keep when the form could not show it, or null
     */
    static RecipeForm posted(Map<String, String> fields, @Nullable Condition kept) {
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, String> fixed = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(SOURCE) && !value.isBlank()) {
                sources.put(name.substring(SOURCE.length()), value.strip());
            } else if (name.startsWith(FIXED)) {
                fixed.put(name.substring(FIXED.length()), value.strip());
            }
        });
        return new RecipeForm(
                field(fields, "name"),
                field(fields, "boardId"),
                field(fields, "connectionId"),
                field(fields, "from"),
                field(fields, "to"),
                field(fields, "subjectContains"),
                field(fields, "subjectNotContains"),
                field(fields, "bodyContains"),
                fields.containsKey("hasAttachments"),
                field(fields, "importance"),
                fields.getOrDefault("match", "all"),
                fields.containsKey("includeAutomated"),
                fields.getOrDefault("kind", "create_item"),
                fields.getOrDefault("whenNoMatch", "create_item"),
                fields.containsKey("bodyAsFirstUpdate"),
                fields.containsKey("copyAttachments"),
                sources,
                fixed,
                kept);
    }

    /** The form of an existing recipe, to edit it. */
    static RecipeForm of(RecipeView recipe) {
        RecipeAction action = recipe.action();
        Map<String, String> sources = new LinkedHashMap<>();
        action.fixedValues().keySet().forEach(column -> sources.put(column, RecipeForm.FIXED));
        put(sources, action.senderColumn(), RecipeForm.SENDER);
        put(sources, action.receivedColumn(), RecipeForm.RECEIVED);
        Map<String, String> leaves = new LinkedHashMap<>();
        String match = "all";
        Condition condition = recipe.condition();
        boolean shown;
        if (condition instanceof Condition.AllOf all) {
            shown = leaves(all.conditions(), leaves);
        } else if (condition instanceof Condition.AnyOf any) {
            match = "any";
            shown = leaves(any.conditions(), leaves);
        } else {
            shown = leaves(List.of(condition), leaves);
        }
        if (!shown) {
            leaves.clear();
        }
        return new RecipeForm(
                recipe.name(),
                recipe.boardId().toString(),
                recipe.connectionId().toString(),
                leaves.getOrDefault("from", ""),
                leaves.getOrDefault("to", ""),
                leaves.getOrDefault("subjectContains", ""),
                leaves.getOrDefault("subjectNotContains", ""),
                leaves.getOrDefault("bodyContains", ""),
                leaves.containsKey("hasAttachments"),
                leaves.getOrDefault("importance", ""),
                match,
                recipe.includeAutomated(),
                action.kind() == RecipeAction.Kind.ADD_UPDATE ? "add_update" : "create_item",
                action.whenNoMatch() == RecipeAction.NoMatch.SKIP ? "skip" : "create_item",
                action.bodyAsFirstUpdate(),
                action.copyAttachments(),
                sources,
                action.fixedValues(),
                shown ? null : condition);
    }

    /** Puts each simple condition into its field; false when one is nested, negated or repeated. */
    private static boolean leaves(List<Condition> conditions, Map<String, String> fields) {
        Set<String> seen = new HashSet<>();
        for (Condition c : conditions) {
            String[] field = leaf(c);
            if (field == null || !seen.add(field[0])) {
                return false;
            }
            fields.put(field[0], field[1]);
        }
        return true;
    }

    private static String @Nullable [] leaf(Condition c) {
        if (c instanceof Condition.From from) {
            return new String[] {"from", from.value()};
        } else if (c instanceof Condition.Recipient to) {
            return new String[] {"to", to.value()};
        } else if (c instanceof Condition.SubjectContains subject) {
            return new String[] {"subjectContains", subject.text()};
        } else if (c instanceof Condition.SubjectNotContains subject) {
            return new String[] {"subjectNotContains", subject.text()};
        } else if (c instanceof Condition.BodyContains body) {
            return new String[] {"bodyContains", body.text()};
        } else if (c instanceof Condition.HasAttachments) {
            return new String[] {"hasAttachments", "true"};
        } else if (c instanceof Condition.Importance importance) {
            return new String[] {"importance", importance.level()};
        }
        return null;
    }

    private static void put(Map<String, String> sources, @Nullable UUID column, String source) {
        if (column != null) {
            sources.put(column.toString(), source);
        }
    }

    private static String field(Map<String, String> fields, String name) {
        return fields.getOrDefault(name, "").strip();
    }
}
