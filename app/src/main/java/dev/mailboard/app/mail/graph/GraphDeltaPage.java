package dev.mailboard.app.mail.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of a delta round: more pages follow while {@code nextLink} is set; the round is complete when
 * {@code deltaLink} is.
 *
 * @param value changed and removed messages
 * @param nextLink the next page of this round
 * @param deltaLink the start of the next round
 */
record GraphDeltaPage(
        List<GraphDeltaItem> value,
        @JsonProperty("@odata.nextLink") @Nullable String nextLink,
        @JsonProperty("@odata.deltaLink") @Nullable String deltaLink) {

    GraphDeltaPage {
        value = value == null ? List.of() : List.copyOf(value);
    }
}
