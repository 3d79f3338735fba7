package dev.mailboard.app.mail.graph;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs a delta round over one folder: follows every {@code nextLink} (checked first, S-33) until a
 * {@code deltaLink} ends the round, and surfaces an expired token as {@link DeltaRound.ResyncNeeded}.
 */
final class DeltaSync {

    private static final int MAX_PAGES = 100_000;

    private final GraphCalls calls;
    private final LinkGuard links;
    private final String prefer;

    DeltaSync(GraphCalls calls, LinkGuard links, int pageSize) {
        this.calls = calls;
        this.links = links;
        this.prefer = GraphCalls.IMMUTABLE_IDS + ", odata.maxpagesize=" + pageSize;
    }

    DeltaRound round(GraphAccess access, String folder, @Nullable String deltaLink, DeltaProgress progress) {
        String bearer = access.bearer();
        String mailbox = access.mailbox();
        List<GraphDeltaItem> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        try {
            GraphDeltaPage page = deltaLink == null
                    ? calls.call(
                            mailbox, "GET delta", api -> api.deltaStart(bearer, prefer, folder, GraphDeltaItem.SELECT))
                    : follow(deltaLink, bearer, mailbox);
            for (int pages = 1; ; pages++) {
                collect(page, changed, removed);
                progress.page(pages, changed.size() + removed.size());
                String next = page.nextLink();
                String end = page.deltaLink();
                if (end != null) {
                    links.check(end);
                    return new DeltaRound.Complete(changed, removed, end);
                }
                if (next == null || pages >= MAX_PAGES) {
                    throw new GraphException(
                            GraphException.Kind.TRANSIENT,
                            200,
                            "DeltaRoundUnfinished",
                            "a delta page had neither nextLink nor deltaLink, or the round was too long",
                            null);
                }
                page = follow(next, bearer, mailbox);
            }
        } catch (GraphException e) {
            if (e.kind() == GraphException.Kind.RESYNC_NEEDED) {
                return new DeltaRound.ResyncNeeded(e.code());
            }
            throw e;
        }
    }

    private GraphDeltaPage follow(String link, String bearer, String mailbox) {
        var uri = links.check(link);
        return calls.call(mailbox, "GET delta page", api -> api.deltaPage(uri, bearer, prefer));
    }

    private static void collect(GraphDeltaPage page, List<GraphDeltaItem> changed, List<String> removed) {
        for (GraphDeltaItem item : page.value()) {
            if (item.isRemoved()) {
                removed.add(item.id());
            } else {
                changed.add(item);
            }
        }
    }
}
