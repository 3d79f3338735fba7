package dev.mailboard.app.mail.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of a Graph collection.
 *
 * @param value the items
 * @param nextLink the next page, followed verbatim
 */
record GraphPage<T>(
        List<T> value,
        @JsonProperty("@odata.nextLink") @Nullable String nextLink) {

    GraphPage {
        value = value == null ? List.of() : List.copyOf(value);
    }
}
