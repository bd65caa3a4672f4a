package org.weft.bench.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.weft.activitypub.vocab.Activities;
import org.weft.activitypub.vocab.Intent;
import org.weft.activitypub.vocab.Place;
import org.weft.activitypub.vocab.ProposalNote;
import org.weft.activitypub.vocab.Quantity;
import org.weft.activitypub.vocab.Tag;
import org.weft.activitypub.vocab.Tombstone;
import org.weft.activitypub.vocab.Vocab;
import org.weft.bench.targets.Sender;

/**
 * FEP-0837 proposals as another Weft instance sends them (object-model.md, "Offers and requests"), built with the
 * project's own wire classes: a {@code Create} of the Note with {@code purpose} and {@code publishes}, an
 * {@code Update} of it on every change, a {@code Delete} with a Tombstone at the end. The sender's community lives
 * on the same remote host ({@code /groups/market}).
 */
final class WeftShapes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WeftShapes() {
    }

    /** Proposal {@code serial} of {@code sender}, as first published or as changed later ({@code updated} set). */
    static ProposalNote proposal(Sender sender, long serial, boolean offer, String categoryUri, String hashtag,
                                 PostTexts.Text text, String status, Instant published, Instant updated) {
        String origin = origin(sender);
        String id = origin + "/proposals/" + serial;
        Intent intent = offer
                ? Intent.primary(id, "transfer", List.of(categoryUri), Quantity.count(1), Quantity.count(1 + serial % 5))
                : Intent.primary(id, "transfer", List.of(categoryUri), Quantity.count(1 + serial % 3), null);
        String html = "<p><strong>" + text.title() + "</strong></p><p>" + text.description() + "</p><p><a href=\"" + origin
                + "/tags/" + hashtag + "\" class=\"mention hashtag\" rel=\"tag\">#<span>" + hashtag + "</span></a></p>";
        return ProposalNote.builder(id, sender.actor().uri(), offer ? ProposalNote.OFFER : ProposalNote.REQUEST, intent)
                .url(id)
                .audience(origin + "/groups/market")
                .published(published)
                .updated(updated)
                .endTime(published.plus(14, ChronoUnit.DAYS))
                .status(status)
                .content(html)
                .contentIn(text.language(), html)
                .tags(List.of(Tag.hashtag(hashtag, origin + "/tags/" + hashtag)))
                .location(Place.area("Market square", "market/square"))
                .replies(id + "/replies")
                .to(List.of(Vocab.PUBLIC))
                .cc(List.of(sender.actor().uri() + "/followers", origin + "/groups/market"))
                .build();
    }

    static byte[] create(Sender sender, long activity, ProposalNote note) {
        return bytes(Activities.create(activityId(sender, activity), sender.actor().uri(), note.toJson()).toJson());
    }

    static byte[] update(Sender sender, long activity, ProposalNote note) {
        return bytes(Activities.update(activityId(sender, activity), sender.actor().uri(), note.toJson()).toJson());
    }

    static byte[] delete(Sender sender, long activity, ProposalNote note, Instant now) {
        return bytes(Activities.delete(activityId(sender, activity), sender.actor().uri(),
                Tombstone.of(note.id(), "Note", now), note.to(), note.cc()).toJson());
    }

    private static String activityId(Sender sender, long activity) {
        return origin(sender) + "/activities/" + activity;
    }

    private static String origin(Sender sender) {
        String uri = sender.actor().uri();
        return uri.substring(0, uri.indexOf("/users/"));
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
