package org.weft.server.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.proposal.AreaNames;
import org.weft.server.domain.proposal.ProposalContent;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalQuery;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.ProposalCard;
import org.weft.web.view.TagView;

/**
 * {@code GET /tags/{tag}}: where the hashtag links in every federated proposal lead. A category's hashtag
 * ({@code #food}) lists the open offers and requests held here (posted here, followers' posts, copies from linked
 * communities, each marked with where it comes from) in that category or below it;
 * {@code #MutualAidOffer} and {@code #MutualAidRequest} list all offers or all requests. A copy from another server
 * that every community here holding it blocked (its account or its server) is on no board, and its page answers 404:
 * it is not listed here either. Other tags are not ours: 404, as for any unknown page.
 */
public final class TagPage {
    private final Pages pages;
    private final Database db;
    private final Taxonomy taxonomy;
    private final ProposalCards cards;

    public TagPage(Pages pages, Database db, Taxonomy taxonomy) {
        this.pages = pages;
        this.db = db;
        this.taxonomy = taxonomy;
        this.cards = new ProposalCards(taxonomy);
    }

    /** What a tag selects: one purpose, or one category with everything narrower. */
    private record Selection(String tag, Purpose purpose, Concept category) {
    }

    public void render(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Messages m = v.messages();
        Optional<Selection> selection = select(req.path().pathParameters().get("tag"));
        if (selection.isEmpty()) {
            pages.notFound(res, v);
            return;
        }
        Selection s = selection.get();
        ProposalQuery query = BoardPaging.at(req, new ProposalQuery(null, s.purpose(),
                s.category() == null ? List.of() : taxonomy.withNarrowerUris(s.category()), null, List.of(), null, null,
                v.loggedIn(), false, 1, BoardPage.PAGE_SIZE));
        BoardPaging.Page<ProposalCard> found = db.inTransaction(tx -> {
            AreaNames areas = AreaNames.read(tx);
            return BoardPaging.read(tx, query, m, "/tags/" + s.tag() + "?", p -> cards.card(p, m, areas));
        });
        TagView view = new TagView(s.tag(), meaning(s, m), found.cards(), found.total(), found.newerUrl(), found.olderUrl());
        pages.render(res, v, m.get("tag.title", s.tag()), "tag.jte", Map.of("t", view));
    }

    private Optional<Selection> select(String raw) {
        String tag = raw == null ? "" : raw.strip();
        if (tag.startsWith("#")) {
            tag = tag.substring(1);
        }
        // Mastodon folds hashtags case-insensitively; so do the links here.
        if (tag.equalsIgnoreCase(ProposalContent.OFFER_TAG)) {
            return Optional.of(new Selection(ProposalContent.OFFER_TAG, Purpose.OFFER, null));
        }
        if (tag.equalsIgnoreCase(ProposalContent.REQUEST_TAG)) {
            return Optional.of(new Selection(ProposalContent.REQUEST_TAG, Purpose.REQUEST, null));
        }
        return taxonomy.byHashtag(tag.toLowerCase(Locale.ROOT)).map(c -> new Selection(c.hashtag(), null, c));
    }

    private String meaning(Selection s, Messages m) {
        if (s.purpose() == Purpose.OFFER) {
            return m.get("tag.offers");
        }
        if (s.purpose() == Purpose.REQUEST) {
            return m.get("tag.requests");
        }
        return m.get("tag.concept", taxonomy.label(s.category(), m.language()));
    }
}
