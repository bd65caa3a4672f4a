package org.weft.activitypub.vocab;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.weft.activitypub.Fixtures;
import org.weft.activitypub.jsonld.MalformedActivityException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityTest {

    @ParameterizedTest
    @ValueSource(strings = {"mastodon/accept-follow.json", "mastodon/announce.json", "mastodon/create-note-direct.json",
        "mastodon/create-note-public.json", "mastodon/create-note-reply.json", "mastodon/delete-actor.json",
        "mastodon/delete-note.json", "mastodon/follow.json", "mastodon/like.json", "mastodon/undo-follow.json",
        "mastodon/update-note.json", "lemmy/accept-follow.json", "lemmy/announce-like.json", "lemmy/announce.json",
        "lemmy/create-note-direct.json", "lemmy/create-note-public.json", "lemmy/create-note-reply.json",
        "lemmy/delete-actor.json", "lemmy/delete-note.json", "lemmy/follow.json", "lemmy/like.json",
        "lemmy/undo-follow.json", "lemmy/update-note.json"})
    void everyActivityFixtureReads(String path) {
        JsonNode json = Fixtures.parsed(path);
        Activity activity = Activity.fromJson(json);
        assertEquals(json.get("id").asText(), activity.id());
        assertEquals(json.get("type").asText(), activity.type());
        assertTrue(activity.actor().startsWith("https://"));
        assertTrue(activity.object().id().startsWith("https://"));
        assertEquals(json, activity.toJson(), "a received activity is re-emitted unchanged");
    }

    @Test
    void mastodonFollow() {
        Activity follow = Activity.fromJson(Fixtures.parsed("mastodon/follow.json"));
        assertEquals("https://mastodon.example/7d3b2f10-2c4e-4a8b-9f61-0e5d4c3b2a19", follow.id());
        assertEquals("Follow", follow.type());
        assertEquals("https://mastodon.example/users/rosa", follow.actor());
        assertEquals("https://camp.weft.test/users/amina", follow.object().id());
        assertFalse(follow.object().isEmbedded());
        assertNull(follow.target());
        assertEquals(List.of(), follow.to());
        assertEquals(List.of(), follow.cc());
        assertNull(follow.published());
        assertTrue(follow.objectAsActivity().isEmpty());
    }

    @Test
    void mastodonUndoFollowEmbedsTheFollow() {
        Activity undo = Activity.fromJson(Fixtures.parsed("mastodon/undo-follow.json"));
        assertEquals("https://mastodon.example/users/rosa#follows/2381771/undo", undo.id());
        assertEquals("Undo", undo.type());
        assertEquals("https://mastodon.example/users/rosa", undo.actor());
        assertEquals("https://mastodon.example/7d3b2f10-2c4e-4a8b-9f61-0e5d4c3b2a19", undo.object().id());
        assertTrue(undo.object().isEmbedded());
        assertEquals("Follow", undo.object().type().orElseThrow());
        assertEquals(List.of(), undo.to());
        Activity follow = undo.objectAsActivity().orElseThrow();
        assertEquals("Follow", follow.type());
        assertEquals("https://mastodon.example/users/rosa", follow.actor());
        assertEquals("https://camp.weft.test/users/amina", follow.object().id());
    }

    @Test
    void lemmyAcceptOfOurFollow() {
        Activity accept = Activity.fromJson(Fixtures.parsed("lemmy/accept-follow.json"));
        assertEquals("https://lemmy.example/activities/accept/1a3c5e7f-9b2d-4c4e-86a8-0c2e4a6c8e13", accept.id());
        assertEquals("Accept", accept.type());
        assertEquals("https://lemmy.example/c/foodshare", accept.actor());
        assertEquals(List.of("https://camp.weft.test/users/amina"), accept.to());
        assertEquals(List.of(), accept.cc());
        assertEquals("https://camp.weft.test/activities/follow/5c1e0b7a-6d2f-4c31-9a8e-2f4b7c9d0e11",
                accept.object().id());
        Activity follow = accept.objectAsActivity().orElseThrow();
        assertEquals("Follow", follow.type());
        assertEquals("https://camp.weft.test/users/amina", follow.actor());
        assertEquals("https://lemmy.example/c/foodshare", follow.object().id());
    }

    @Test
    void deleteOfActor() {
        Activity mastodon = Activity.fromJson(Fixtures.parsed("mastodon/delete-actor.json"));
        assertEquals("https://mastodon.example/users/rosa#delete", mastodon.id());
        assertEquals("Delete", mastodon.type());
        assertEquals("https://mastodon.example/users/rosa", mastodon.actor());
        assertEquals(mastodon.actor(), mastodon.object().id(), "deleting an account names the actor as object");
        assertFalse(mastodon.object().isEmbedded());
        assertEquals(List.of(Vocab.PUBLIC), mastodon.to());
        assertTrue(mastodon.isPublic());

        Activity lemmy = Activity.fromJson(Fixtures.parsed("lemmy/delete-actor.json"));
        assertEquals("https://lemmy.example/u/kofi", lemmy.object().id());
        assertEquals(lemmy.actor(), lemmy.object().id());
        assertTrue(lemmy.toJson().get("removeData").asBoolean(), "extra fields stay in the raw document");
    }

    @Test
    void deleteOfNoteWithTombstone() {
        Activity delete = Activity.fromJson(Fixtures.parsed("mastodon/delete-note.json"));
        Tombstone tombstone = Tombstone.fromJson(delete.object().embedded().orElseThrow());
        assertEquals("https://mastodon.example/users/rosa/statuses/116205812345678901", tombstone.id());
        assertNull(tombstone.formerType());
    }

    @Test
    void createCarriesAddressingAndAudience() {
        Activity create = Activity.fromJson(Fixtures.parsed("mastodon/create-note-public.json"));
        assertEquals(Instant.parse("2026-03-14T09:26:53Z"), create.published());
        assertEquals(List.of(Vocab.PUBLIC), create.to());
        assertEquals(3, create.cc().size());
        assertEquals("Note", create.object().type().orElseThrow());
        Activity lemmy = Activity.fromJson(Fixtures.parsed("lemmy/update-note.json"));
        assertEquals(List.of("https://camp.weft.test/groups/block3"), lemmy.audience());
    }

    @Test
    void lemmyAnnounceOfLikeNestsAnActivity() {
        Activity announce = Activity.fromJson(Fixtures.parsed("lemmy/announce-like.json"));
        Activity like = announce.objectAsActivity().orElseThrow();
        assertEquals("Like", like.type());
        assertEquals("https://lemmy.example/post/88214", like.object().id());
        assertEquals(List.of("https://lemmy.example/c/foodshare/followers"), announce.cc());
    }

    @Test
    void toleratesShortPublicAndObjectActorsAndStringAddresses() {
        JsonNode json = Fixtures.parsed("mastodon/like.json").deepCopy();
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) json;
        node.putObject("actor").put("id", "https://mastodon.example/users/rosa").put("type", "Person");
        node.put("to", "as:Public");
        node.putArray("cc").add("Public").add("https://mastodon.example/users/rosa/followers");
        node.putArray("type").add("Like").add("litepub:EmojiReact");
        Activity like = Activity.fromJson(node);
        assertEquals("https://mastodon.example/users/rosa", like.actor());
        assertEquals("Like", like.type());
        assertEquals(List.of(Vocab.PUBLIC), like.to());
        assertEquals(List.of(Vocab.PUBLIC, "https://mastodon.example/users/rosa/followers"), like.cc());
        assertEquals(List.of(Vocab.PUBLIC, "https://mastodon.example/users/rosa/followers"), like.addressees());
    }

    @Test
    void refusesActivitiesWithoutIdOrActor() {
        JsonNode noActor = Fixtures.parsed("mastodon/follow.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) noActor).remove("actor");
        MalformedActivityException e = assertThrows(MalformedActivityException.class, () -> Activity.fromJson(noActor));
        assertEquals(MalformedActivityException.Reason.INVALID_SHAPE, e.reason());
        assertTrue(e.getMessage().contains("actor"), e.getMessage());
        JsonNode noId = Fixtures.parsed("mastodon/follow.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) noId).remove("id");
        assertThrows(MalformedActivityException.class, () -> Activity.fromJson(noId));
    }
}
