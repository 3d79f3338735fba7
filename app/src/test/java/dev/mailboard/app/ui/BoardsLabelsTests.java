package dev.mailboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailboard.app.boards.StatusLabel;
import org.junit.jupiter.api.Test;

class BoardsLabelsTests {

    @Test
    void theDefaultMarkerCountsAnywhereInAnEntry() {
        for (String text : new String[] {"High:red, Low*:grey", "High:red, Low:grey*", "High:red, *Low:grey"}) {
            assertThat(BoardsLabels.parse(text))
                    .as(text)
                    .extracting(StatusLabel::name, StatusLabel::colour, StatusLabel::isDefault)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("High", "red", false),
                            org.assertj.core.groups.Tuple.tuple("Low", "grey", true));
        }
    }

    @Test
    void withoutAMarkerTheFirstLabelIsTheDefault() {
        assertThat(BoardsLabels.parse("New, Done:green"))
                .extracting(StatusLabel::name, StatusLabel::isDefault)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("New", true),
                        org.assertj.core.groups.Tuple.tuple("Done", false));
    }
}
