package org.weft.server.api;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.server.domain.moderation.ProposalReaders;
import org.weft.server.domain.proposal.StoredTranslations;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ProposalEntity;

/**
 * A proposal as the API shows it to one viewer. Privacy lives here: the author's username, and how
 * many responses came in, go only to the author. Nobody else ever gets the author's name, handle,
 * actor URI or display name (not even for public offers: the {@code uri} leads to whatever the
 * fediverse may see), and coordinates are only the coarse ones the service stored.
 * Call inside the transaction that loaded the proposal (it reads lazy relations).
 */
final class ProposalJson {
    private final Taxonomy taxonomy;
    private final LocalUrls urls;

    ProposalJson(Taxonomy taxonomy, LocalUrls urls) {
        this.taxonomy = taxonomy;
        this.urls = urls;
    }

    /**
     * @param viewerId       the signed-in member, or null for an anonymous caller
     * @param responsesCount how many responses it has; only used when the viewer is the author
     * @param lang           language of the category labels
     */
    ObjectNode toJson(ProposalEntity p, Long viewerId, long responsesCount, String lang) {
        ObjectNode json = ApiJson.object();
        json.put("id", p.getId())
                .put("uri", p.getUri())
                .put("local", p.isLocal())
                .put("purpose", p.getPurpose().wire())
                .put("status", p.getStatus().wire())
                .put("title", p.getTitle())
                .put("description", p.getDescription())
                .put("language", p.getLanguage());
        json.set("translations", translations(p));
        ArrayNode categories = json.putArray("categories");
        for (String uri : p.getCategories()) {
            Optional<Concept> concept = taxonomy.byUri(uri);
            ObjectNode c = categories.addObject();
            c.put("id", concept.map(Concept::id).orElse(null)).put("uri", uri)
                    .put("label", concept.map(x -> taxonomy.label(x, lang)).orElse(null));
        }
        json.put("kind", p.getKind().name().toLowerCase(Locale.ROOT));
        json.put("quantity", p.getQuantity() == null ? null : p.getQuantity().stripTrailingZeros());
        json.put("unit", p.getUnit());
        if (p.getAreaCode() != null) {
            json.putObject("area").put("code", p.getAreaCode()).put("name", p.getAreaName());
        } else {
            json.putNull("area");
        }
        if (p.getLatitude() != null && p.getLongitude() != null) {
            json.putObject("coordinates").put("latitude", p.getLatitude()).put("longitude", p.getLongitude());
        } else {
            json.putNull("coordinates");
        }
        json.put("endsAt", p.getEndsAt().toString())
                .put("audience", p.getAudience().name().toLowerCase(Locale.ROOT));
        json.set("community", community(p.getGroup()));
        json.put("published", p.getPublishedAt().toString())
                .put("updated", p.getUpdatedAt() == null ? null : p.getUpdatedAt().toString());
        boolean mine = viewerId != null && p.isLocal() && p.getAuthor().getId().equals(viewerId);
        json.put("mine", mine);
        if (mine) {
            json.put("author", p.getAuthor().getUsername());
            json.put("responsesCount", responsesCount);
            // The pages mark it "Hidden by a moderator"; an app must be able to say so too.
            json.put("hiddenByModerator", ProposalReaders.hidden(p));
        }
        return json;
    }

    private JsonNode community(ActorEntity group) {
        if (group == null) {
            return NullNode.getInstance();
        }
        String domain = group.isLocal() ? urls.domain() : group.getDomain();
        return ApiJson.object().put("name", group.getUsername()).put("handle", "@" + group.getUsername() + "@" + domain)
                .put("uri", group.getUri());
    }

    /**
     * Stored as {@code {"ar": {"title": …, "description": …}}}, and shown the same way; what cannot be read is left out
     * ({@link StoredTranslations}).
     */
    private static ObjectNode translations(ProposalEntity p) {
        ObjectNode translations = ApiJson.object();
        StoredTranslations.of(p).forEach(translations::set);
        return translations;
    }
}
