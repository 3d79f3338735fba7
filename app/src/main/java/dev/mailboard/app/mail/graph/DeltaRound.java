package dev.mailboard.app.mail.graph;

import java.util.List;

/** The outcome of a delta round over one folder (S-32). */
public sealed interface DeltaRound {

    /**
     * A complete round: every page was read.
     *
     * @param changed messages created or updated in the folder since the last round (may repeat)
     * @param removedIds ids of messages deleted or moved out since the last round
     * @param deltaLink where the next round starts; store it only now that the round is complete
     */
    record Complete(List<GraphDeltaItem> changed, List<String> removedIds, String deltaLink) implements DeltaRound {

        public Complete {
            changed = List.copyOf(changed);
            removedIds = List.copyOf(removedIds);
        }

        @Override
        public String toString() {
            return "Complete[changed=" + changed.size() + ", removed=" + removedIds.size() + "]";
        }
    }

    /** The delta token expired or is unknown (410 {@code syncStateNotFound}): start over with no link. */
    record ResyncNeeded(String code) implements DeltaRound {}
}
