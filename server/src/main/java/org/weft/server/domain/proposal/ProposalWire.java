package org.weft.server.domain.proposal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.weft.activitypub.content.HashtagLinks;
import org.weft.activitypub.vocab.Intent;
import org.weft.activitypub.vocab.Place;
import org.weft.activitypub.vocab.ProposalNote;
import org.weft.activitypub.vocab.Quantity;
import org.weft.activitypub.vocab.Vocab;
import org.weft.server.model.ControlCharacters;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;

/**
 * A local proposal as the Note other servers receive (toWire), following the decided object model:
 * text for people in {@code content}/{@code contentMap}, the FEP-0837 fields for software, and
 * addressing by audience. Exact addresses never appear; coordinates only as stored (already coarse).
 */
public final class ProposalWire {
    private final ProposalContent content;
    private final LocalUrls urls;

    public ProposalWire(ProposalContent content, LocalUrls urls) {
        this.content = content;
        this.urls = urls;
    }

    public ProposalNote toWire(ProposalEntity p) {
        return toWire(p, List.of());
    }

    /**
     * The Note for one server. A community-only proposal is addressed ({@code to}) to {@code readers}, the approved
     * followers on the server this copy is for, and to no collection: Mastodon then shows it to those accounts only
     * (a "limited" post), never to its other followers of the community on that server. Other audiences ignore it.
     */
    public ProposalNote toWire(ProposalEntity p, List<String> readers) {
        String id = p.getUri();
        Map<String, String> contentMap = new LinkedHashMap<>();
        contentMap.put(p.getLanguage(), content.html(p, p.getLanguage(), typed(p.getTitle()), typed(p.getDescription())));
        StoredTranslations.of(p).forEach((lang, text) -> contentMap.putIfAbsent(lang,
                content.html(p, lang, typed(text.path("title").asText()), typed(text.path("description").asText()))));
        String unit = typed(p.getUnit());
        Quantity amount = p.getQuantity() == null ? null : new Quantity(unit, p.getQuantity());
        Intent intent = new Intent(id + Intent.PRIMARY_FRAGMENT, p.getKind().action(), p.getCategories(),
                p.getPurpose() == Purpose.REQUEST ? amount
                        : new Quantity(unit == null ? "one" : unit, BigDecimal.ONE),
                p.getPurpose() == Purpose.OFFER ? amount : null, null, p.getStatus() == ProposalStatus.FULFILLED);
        ProposalNote.Builder note = ProposalNote.builder(id, p.getAttributedTo().getUri(), p.getPurpose().wire(), intent)
                .url(id)
                .published(p.getPublishedAt())
                .updated(p.getUpdatedAt())
                .endTime(p.getEndsAt())
                .status(p.getStatus().wire())
                .content(contentMap.get(p.getLanguage()))
                .contentMap(contentMap)
                .tags(HashtagLinks.tags(content.hashtagLinks(p)))
                .replies(id + "/replies")
                .to(to(p, readers))
                .cc(cc(p));
        if (p.getGroup() != null) {
            note.audience(p.getGroup().getUri());
        }
        if (p.getAreaCode() != null || p.getLatitude() != null) {
            note.location(new Place(p.getAreaName(), p.getAreaCode(), p.getLatitude(), p.getLongitude(),
                    p.getLatitude() == null ? null : (double) CoarseLocation.RADIUS_KM, p.getLatitude() == null ? null : "km"));
        }
        return note.build();
    }

    /** The id of the local proposal with this path segment. */
    public String uriFor(String uuid) {
        return urls.proposal(uuid);
    }

    /**
     * Primary addressees by audience (see the Audience javadoc). A community-only proposal names its readers, or the
     * community alone when there are none: never a collection, never empty (an empty {@code to} would read as public).
     */
    public List<String> to(ProposalEntity p, List<String> readers) {
        return switch (p.getAudience()) {
            case PUBLIC, ANONYMOUS -> List.of(Vocab.PUBLIC);
            case COMMUNITY -> readers.isEmpty() ? List.of(p.getGroup().getUri()) : List.copyOf(readers);
        };
    }

    public List<String> cc(ProposalEntity p) {
        return switch (p.getAudience()) {
            case PUBLIC -> List.of(urls.followers(p.getAuthor().getUri()), p.getGroup().getUri());
            case ANONYMOUS -> List.of(urls.followers(p.getGroup().getUri()));
            case COMMUNITY -> List.of();
        };
    }

    /**
     * Text a member typed, as other servers may keep it: without control characters. JSON could carry them escaped,
     * but Mastodon, Lemmy and Misskey keep a Note's text in PostgreSQL, which holds no NUL. Forms and the API drop
     * them and migration V97 cleaned the rows stored before; this keeps any row that holds some all the same (one
     * written by hand, say) from reaching other servers.
     */
    private static String typed(String text) {
        return ControlCharacters.strip(text);
    }
}
