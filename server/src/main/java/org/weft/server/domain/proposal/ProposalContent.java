package org.weft.server.domain.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.weft.activitypub.content.HashtagLinks;
import org.weft.server.domain.PlainText;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.web.i18n.Messages;

/**
 * The HTML that Mastodon and every other server shows for a proposal, in one language: a first line
 * with status, kind, category and place (Mastodon ignores {@code name} and {@code location} on a Note),
 * the title and description, the end date, a link to respond and the hashtags as real links.
 */
public final class ProposalContent {
    public static final String OFFER_TAG = "MutualAidOffer";
    public static final String REQUEST_TAG = "MutualAidRequest";

    private final Taxonomy taxonomy;
    private final LocalUrls urls;

    public ProposalContent(Taxonomy taxonomy, LocalUrls urls) {
        this.taxonomy = taxonomy;
        this.urls = urls;
    }

    /** The proposal's hashtags: the purpose tag first, then one per category. */
    public List<String> hashtags(ProposalEntity p) {
        List<String> tags = new ArrayList<>();
        tags.add(p.getPurpose() == Purpose.OFFER ? OFFER_TAG : REQUEST_TAG);
        concepts(p).stream().map(Concept::hashtag).filter(t -> !tags.contains(t)).forEach(tags::add);
        return tags;
    }

    /** The content in {@code language}, with the title and description given in that language. */
    public String html(ProposalEntity p, String language, String title, String description) {
        Messages m = Messages.forLanguage(language);
        StringBuilder html = new StringBuilder("<p>");
        if (p.getStatus() != ProposalStatus.OPEN) {
            html.append(m.get("wire.status." + p.getStatus().wire())).append(" · ");
        }
        html.append(m.get("wire.purpose." + p.getPurpose().wire()));
        // Read by people (Mastodon shows it as the post): joined as their language joins a list ("A و B" in Arabic).
        String categories = m.list(concepts(p).stream().map(c -> taxonomy.label(c, m.language())).toList());
        html.append(" · ").append(PlainText.escape(categories));
        if (p.getAreaName() != null) {
            html.append(" · ").append(PlainText.escape(p.getAreaName()));
        }
        html.append("</p><p><strong>").append(PlainText.escape(title)).append("</strong></p>");
        String body = PlainText.toHtml(description);
        if (body != null) {
            html.append(body);
        }
        if (p.getQuantity() != null) {
            // As the page writes it: the unit's name in this language, its plural, the language's digits.
            html.append("<p>").append(PlainText.escape(m.get("wire.quantity",
                    ProposalAmount.of(p.getQuantity(), p.getUnit(), m)))).append("</p>");
        }
        // Written as the pages write a day, with the language's own digits (Arabic-Indic in Arabic).
        html.append("<p>").append(PlainText.escape(m.get("wire.until", m.date(p.getEndsAt())))).append("</p>");
        html.append("<p><a href=\"").append(PlainText.escape(p.getUri())).append("\">")
                .append(PlainText.escape(m.get("wire.respond"))).append("</a>");
        for (HashtagLinks.Rendered link : hashtagLinks(p)) {
            html.append(' ').append(link.html());
        }
        return html.append("</p>").toString();
    }

    /** Each hashtag as Mastodon's link markup and the matching {@code tag} entry, so the two never disagree. */
    public List<HashtagLinks.Rendered> hashtagLinks(ProposalEntity p) {
        return hashtags(p).stream().map(t -> HashtagLinks.hashtag(urls.base(), t)).toList();
    }

    private List<Concept> concepts(ProposalEntity p) {
        return p.getCategories().stream().map(taxonomy::byUri).flatMap(Optional::stream).toList();
    }
}
