package org.weft.server.ui;

import java.util.List;
import java.util.Optional;

import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.domain.moderation.ProposalReaders;
import org.weft.server.domain.proposal.AreaNames;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Audience;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.web.i18n.Messages;
import org.weft.web.view.Link;
import org.weft.web.view.ProposalCard;

/** Turns stored proposals into the plain-text cards that lists show, in the visitor's language. */
final class ProposalCards {
    private static final int EXCERPT = 200;
    private final Taxonomy taxonomy;

    ProposalCards(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * Call inside the transaction that loaded the proposal (it reads the author lazily); {@code areas} were read once
     * for the page.
     */
    ProposalCard card(ProposalEntity p, Messages m, AreaNames areas) {
        String text = p.isLocal() ? p.getDescription() : HtmlSanitizer.toPlainText(p.getDescription());
        String excerpt = text == null ? "" : text.strip();
        if (excerpt.length() > EXCERPT) {
            excerpt = excerpt.substring(0, EXCERPT) + "…";
        }
        // Only its author still lists one a moderator hid ("My proposals"): that, not its status, is what matters now.
        boolean hidden = ProposalReaders.hidden(p);
        return new ProposalCard(RemoteProposalPage.link(p), p.getPurpose().wire(), purposeLabel(p, m), hidden ? "hidden" : p.getStatus().wire(),
                hidden ? m.get("mine.hiddenByModerator") : m.get("status." + p.getStatus().wire()), p.getTitle(), excerpt,
                categories(p, m),
                areas.name(p, m), m.get("card.until", m.date(p.getEndsAt())), shownAuthor(p), p.getLanguage(),
                origin(p, m));
    }

    /**
     * Where a proposal held here comes from, when not from this instance: a linked community (its name and server), or
     * a follower's post from another server (that server). Null for proposals posted here.
     */
    static String origin(ProposalEntity p, Messages m) {
        if (p.isLocal()) {
            return null;
        }
        ActorEntity group = p.getGroup();
        if (group != null && !group.isLocal()) {
            return m.get("card.fromCommunity", Messages.isolate(group.getDisplayName()),
                    Messages.isolateLeftToRight(group.getDomain()));
        }
        return m.get("card.fromFollower", Messages.isolateLeftToRight(p.getAttributedTo().getDomain()));
    }

    String purposeLabel(ProposalEntity p, Messages m) {
        return m.get("purpose." + p.getPurpose().wire());
    }

    String categories(ProposalEntity p, Messages m) {
        return m.list(p.getCategories().stream().map(taxonomy::byUri).flatMap(Optional::stream)
                .map(c -> taxonomy.label(c, m.language())).toList());
    }

    /** Each category with the page of its hashtag, where the other offers and requests in it are. */
    List<Link> categoryLinks(ProposalEntity p, Messages m) {
        return p.getCategories().stream().map(taxonomy::byUri).flatMap(Optional::stream)
                .map(c -> new Link(taxonomy.label(c, m.language()), "/tags/" + c.hashtag())).toList();
    }

    /** The name shown: the member's only for public proposals, else the community's (anonymity outside). */
    static String shownAuthor(ProposalEntity p) {
        return p.getAudience() == Audience.PUBLIC ? p.getAuthor().getDisplayName() : p.getAttributedTo().getDisplayName();
    }
}
