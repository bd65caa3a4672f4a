package org.weft.activitypub.vocab;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.Fixtures;
import org.weft.activitypub.jsonld.JsonLdCodec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivitiesTest {

    private static final String AMINA = "https://camp.weft.test/users/amina";
    private static final String BLOCK3 = "https://camp.weft.test/groups/block3";
    private static final String ROSA = "https://mastodon.example/users/rosa";

    private final JsonLdCodec codec = new JsonLdCodec();

    @Test
    void followIsAddressedToTheFollowee() {
        JsonNode json = Activities.follow("https://camp.weft.test/activities/follow/1", AMINA, ROSA).toJson();
        assertEquals(Vocab.AS_CONTEXT, json.get("@context").asText());
        assertEquals("Follow", json.get("type").asText());
        assertEquals(AMINA, json.get("actor").asText());
        assertEquals(ROSA, json.get("object").asText());
        assertEquals(ROSA, json.get("to").get(0).asText());
    }

    @Test
    void acceptEmbedsTheFollowWithPlainIds() {
        // A Follow whose actor and object arrived as embedded objects.
        ObjectNode received = (ObjectNode) Fixtures.parsed("mastodon/follow.json").deepCopy();
        received.putObject("actor").put("id", ROSA).put("type", "Person");
        received.putObject("object").put("id", AMINA).put("type", "Person");
        Activity follow = Activity.fromJson(received);

        JsonNode accept = Activities.accept("https://camp.weft.test/activities/accept/1", AMINA, follow).toJson();
        assertEquals("Accept", accept.get("type").asText());
        assertEquals(AMINA, accept.get("actor").asText());
        assertEquals(ROSA, accept.get("to").get(0).asText());
        JsonNode inner = accept.get("object");
        assertEquals(follow.id(), inner.get("id").asText());
        assertEquals("Follow", inner.get("type").asText());
        assertTrue(inner.get("actor").isTextual());
        assertEquals(ROSA, inner.get("actor").asText());
        assertTrue(inner.get("object").isTextual());
        assertEquals(AMINA, inner.get("object").asText());
        assertFalse(inner.has("@context"));

        JsonNode reject = Activities.reject("https://camp.weft.test/activities/reject/1", AMINA, follow).toJson();
        assertEquals("Reject", reject.get("type").asText());
        assertEquals(inner, reject.get("object"));
    }

    @Test
    void undoEmbedsTheWholeFollowAndReadsBack() {
        Activity follow = Activities.follow("https://camp.weft.test/activities/follow/2", BLOCK3,
                "https://lemmy.example/c/foodshare");
        Activity undo = Activities.undo("https://camp.weft.test/activities/undo/2", BLOCK3, follow);
        Activity back = Activity.fromJson(codec.parse(codec.write(undo.toJson())));
        assertEquals("Undo", back.type());
        assertEquals(List.of("https://lemmy.example/c/foodshare"), back.to());
        Activity inner = back.objectAsActivity().orElseThrow();
        assertEquals(follow.id(), inner.id());
        assertEquals("Follow", inner.type());
        assertEquals(BLOCK3, inner.actor());
        assertEquals("https://lemmy.example/c/foodshare", inner.object().id());
    }

    @Test
    void deleteOfAnActorNamesTheActor() {
        JsonNode json = Activities.delete(AMINA + "#delete", AMINA, AMINA).toJson();
        assertEquals("Delete", json.get("type").asText());
        assertEquals(AMINA, json.get("object").asText());
        assertEquals(Vocab.PUBLIC, json.get("to").get(0).asText());
    }

    @Test
    void deleteOfAPostEmbedsATombstone() {
        Tombstone tombstone = Tombstone.of("https://camp.weft.test/proposals/7f3c9a", "Note",
                Instant.parse("2026-05-20T08:00:00Z"));
        JsonNode json = Activities.delete("https://camp.weft.test/proposals/7f3c9a#delete", AMINA, tombstone,
                List.of(Vocab.PUBLIC), List.of(AMINA + "/followers")).toJson();
        JsonNode object = json.get("object");
        assertEquals("Tombstone", object.get("type").asText());
        assertEquals("Note", object.get("formerType").asText());
        assertEquals("2026-05-20T08:00:00Z", object.get("deleted").asText());
        assertFalse(object.has("@context"));
        assertEquals(tombstone, Tombstone.fromJson(object));
    }

    @Test
    void updateTakesTheObjectsContextAndAddressing() {
        Actor amina = Actor.builder(AMINA, ActorType.PERSON).preferredUsername("amina").inbox(AMINA + "/inbox").build();
        JsonNode update = Activities.update(AMINA + "#updates/1", AMINA, amina.toJson()).toJson();
        assertEquals(Vocab.SECURITY_CONTEXT, update.get("@context").get(1).asText(), "the actor terms apply");
        assertFalse(update.get("object").has("@context"));
        assertEquals("Person", update.get("object").get("type").asText());
        assertEquals(Vocab.PUBLIC, update.get("to").get(0).asText());

        ObjectNode note = (ObjectNode) Fixtures.parsed("mastodon/create-note-direct.json").get("object").deepCopy();
        JsonNode create = Activities.create(note.get("id").asText() + "/activity", ROSA, note).toJson();
        assertEquals(List.of(AMINA), Activity.fromJson(create).to());
        assertFalse(Activity.fromJson(create).isPublic());
    }

    @Test
    void announceOfAProposal() {
        Activity announce = Activities.announce(BLOCK3 + "/announces/1", BLOCK3, "https://camp.weft.test/proposals/7f3c9a",
                List.of("as:Public"), List.of(BLOCK3 + "/followers")).withPublished(Instant.parse("2026-05-12T08:10:00Z"));
        JsonNode json = announce.toJson();
        assertEquals("Announce", json.get("type").asText());
        assertEquals("https://camp.weft.test/proposals/7f3c9a", json.get("object").asText());
        assertEquals(Vocab.PUBLIC, json.get("to").get(0).asText());
        assertEquals(BLOCK3 + "/followers", json.get("cc").get(0).asText());
        assertEquals("2026-05-12T08:10:00Z", json.get("published").asText());
        assertEquals(announce, Activity.fromJson(codec.parse(codec.write(json))));
    }
}
