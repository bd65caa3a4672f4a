package org.weft.server.attack;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.activitypub.vocab.Intent;
import org.weft.activitypub.vocab.ProposalNote;
import org.weft.activitypub.vocab.Quantity;
import org.weft.activitypub.vocab.Vocab;
import org.weft.server.testing.TestHttp;

/**
 * The {@code Create} of an FEP-0837 offer of one tent, public and addressed to a community, as another server's account
 * sends it: what the flood and spam tests send many of, each under its own number.
 */
final class TentOffers {
    private TentOffers() {
    }

    /** {@code actor}'s offer numbered {@code n} on the server at {@code origin}, titled {@code title}, for {@code group}. */
    static String create(String origin, String actor, String n, String title, String group) {
        String id = origin + "/proposals/" + n;
        ProposalNote note = ProposalNote.builder(id, actor, ProposalNote.OFFER,
                        Intent.primary(id, "transfer", List.of("https://w3id.org/weft/taxonomy/v1#tents"), null,
                                Quantity.count(1)))
                .content("<p>" + title + "</p>").contentIn("en", "<p>" + title + "</p>").published(Instant.now())
                .to(List.of(Vocab.PUBLIC)).cc(List.of(group)).build();
        ObjectNode json = note.toJson();
        ObjectNode activity = TestHttp.JSON.createObjectNode();
        activity.set("@context", json.get("@context"));
        activity.put("id", actor + "/activities/" + n).put("type", "Create").put("actor", actor);
        activity.set("object", json);
        return activity.toString();
    }
}
