package org.weft.server.ui;

import java.util.List;
import java.util.function.Function;

import io.helidon.webserver.http.ServerRequest;
import org.hibernate.Session;
import org.weft.server.persistence.ProposalCursor;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalQuery;
import org.weft.web.i18n.Messages;

/**
 * Paging shared by the board and the tag pages: the page named by {@code ?before=} or {@code ?after=} (a cursor, the
 * sort key of the last or first card of the page the visitor came from), links to the older and newer pages, and a
 * count that stops at {@link #COUNT_CAP} so that no view walks a whole board to print a number. A cursor that is
 * not one (an edited link) shows the newest page, as an unknown filter value shows everything.
 */
final class BoardPaging {
    static final int COUNT_CAP = 1_000;
    /**
     * A search counts no further: a common word is tested row by row down the board, and counting a thousand of them
     * read some 4,000 rows for a word in one post of four (G10), where the page itself reads a hundred.
     */
    static final int SEARCH_COUNT_CAP = 100;

    private BoardPaging() {
    }

    /** One page, ready for a view: the cards, the count's sentence, and the links (null when there is none). */
    record Page<C>(List<C> cards, String total, String newerUrl, String olderUrl) {
    }

    /** The query moved to the page the request names. */
    static ProposalQuery at(ServerRequest req, ProposalQuery newest) {
        var before = ProposalCursor.parse(req.query().first("before").orElse(null));
        if (before.isPresent()) {
            return newest.olderThan(before.get());
        }
        return ProposalCursor.parse(req.query().first("after").orElse(null)).map(newest::newerThan).orElse(newest);
    }

    /**
     * Reads the page inside the caller's transaction.
     *
     * @param base the page's address with its filters, ending where {@code before=} or {@code after=} can follow
     *             ({@code ?} or {@code &})
     */
    static <C> Page<C> read(Session s, ProposalQuery query, Messages m, String base, Function<ProposalEntity, C> card) {
        int cap = query.text() == null ? COUNT_CAP : SEARCH_COUNT_CAP;
        ProposalQuery.Counted counted = query.sliceAndCount(s, cap);
        ProposalQuery.Slice slice = counted.slice();
        long count = counted.count();
        String total = count > cap ? m.get("board.totalMore", cap) : m.get("board.total", count);
        String newer = !slice.hasNewer() ? null
                : slice.newer() == null ? trimmed(base) : base + "after=" + slice.newer().text();
        String older = slice.older() == null ? null : base + "before=" + slice.older().text();
        return new Page<>(slice.items().stream().map(card).toList(), total, newer, older);
    }

    /** The newest page's address: the base without its dangling separator. */
    private static String trimmed(String base) {
        return base.endsWith("?") || base.endsWith("&") ? base.substring(0, base.length() - 1) : base;
    }
}
