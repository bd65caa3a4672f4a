package org.weft.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.activitypub.vocab.Activity;
import org.weft.activitypub.vocab.IncomingNote;
import org.weft.activitypub.vocab.ProposalNote;
import org.weft.bench.targets.Sender;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * The soak's traffic, read back with the server's own parser: every activity is what Weft can read, is the
 * sender's own, and acts only on things sent long enough before it; the mix holds the shares it claims; nothing of
 * the fixtures it was made from is left in it.
 */
class ActivityMixTest {
    private static final int LAG = 200;
    private static final int COUNT = 4_000;
    private static final String BASE = "http://localhost:18080";
    private static final JsonLdCodec CODEC = new JsonLdCodec();

    private static SoakScene scene;
    private static List<ActivityMix.Entry> entries;
    private static List<Activity> activities;

    @BeforeAll
    static void script() {
        List<Sender> mastodon = IntStream.range(0, 6).mapToObj(i -> Sender.create("http://127.0.0.1:4100" + i / 3, "m" + i))
                .toList();
        List<Sender> weft = IntStream.range(0, 3).mapToObj(i -> Sender.create("http://127.0.0.1:42000", "w" + i)).toList();
        List<SoakScene.LocalProposal> proposals = IntStream.range(0, 10)
                .mapToObj(i -> new SoakScene.LocalProposal(BASE + "/proposals/p" + i, BASE + "/users/member" + i % 2))
                .toList();
        scene = new SoakScene(BASE, BASE + "/groups/camp", List.of(BASE + "/users/member0", BASE + "/users/member1"),
                proposals, mastodon, weft, SoakScene.categories(Taxonomy.load()));
        entries = ActivityMix.script(scene, COUNT, Instant.parse("2026-12-01T10:00:00Z"), LAG).entries();
        activities = entries.stream().map(e -> Activity.fromJson(CODEC.parse(e.body()))).toList();
    }

    @Test
    void everyActivityIsReadableAndSignedByItsOwnActor() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < COUNT; i++) {
            Activity activity = activities.get(i);
            assertEquals(entries.get(i).sender().actor().uri(), activity.actor(), "activity " + i);
            assertTrue(ids.add(activity.id()), "activity ids are distinct: " + activity.id());
        }
    }

    @Test
    void nothingOfTheFixturesIsLeft() {
        for (ActivityMix.Entry entry : entries) {
            String body = new String(entry.body(), StandardCharsets.UTF_8);
            for (String fixture : List.of("mastodon.example", "camp.weft.test", "block3", "/users/rosa", "amina", "2026-03-14",
                    "{{")) {
                assertFalse(body.contains(fixture), fixture + " left in " + body);
            }
        }
    }

    @Test
    void onceEarlierActivitiesCanBeReferredToTheMixHoldsItsShares() {
        Map<ActivityMix.Kind, Integer> counts = new EnumMap<>(ActivityMix.Kind.class);
        int from = 2 * LAG;
        entries.subList(from, COUNT).forEach(e -> counts.merge(e.kind(), 1, Integer::sum));
        double cycles = (COUNT - from) / (double) ActivityMix.CYCLE;
        for (ActivityMix.Kind kind : ActivityMix.Kind.values()) {
            double expected = kind.perCycle * cycles;
            int got = counts.getOrDefault(kind, 0);
            assertTrue(Math.abs(got - expected) <= 0.03 * expected + 2, kind + ": " + got + " instead of about " + expected);
        }
    }

    @Test
    void activitiesActOnlyOnWhatWasSentAtLeastTheLagBefore() {
        Map<String, Integer> sentAt = new HashMap<>();
        Set<String> deleted = new HashSet<>();
        Set<String> undone = new HashSet<>();
        List<String> localProposals = scene.proposals().stream().map(SoakScene.LocalProposal::uri).toList();
        for (int i = 0; i < COUNT; i++) {
            Activity a = activities.get(i);
            String object = a.object().id();
            switch (a.type()) {
                case "Create" -> sentAt.put(object, i);
                case "Like" -> {
                    sentAt.put(a.id(), i);
                    assertTrue(localProposals.contains(object) || lagged(sentAt, object, i), "Like of " + object);
                }
                case "Announce" -> assertTrue(localProposals.contains(object) || lagged(sentAt, object, i),
                        "Announce of " + object);
                case "Delete" -> {
                    assertTrue(lagged(sentAt, object, i), "Delete of " + object);
                    assertTrue(deleted.add(object), "deleted twice: " + object);
                }
                case "Undo" -> {
                    assertTrue(lagged(sentAt, object, i), "Undo of " + object);
                    assertTrue(undone.add(object), "undone twice: " + object);
                }
                case "Update" -> {
                    if (!object.equals(a.actor())) {
                        assertTrue(lagged(sentAt, object, i), "Update of " + object);
                        assertFalse(deleted.contains(object), "Update after Delete of " + object);
                    }
                }
                default -> throw new AssertionError("unexpected " + a.type());
            }
        }
    }

    @Test
    void boardPostsMentionTheCommunityWithAPurposeHashtagAndRepliesAnswerALocalProposal() {
        int posts = 0;
        int replies = 0;
        for (int i = 0; i < COUNT; i++) {
            if (!activities.get(i).type().equals("Create")) {
                continue;
            }
            JsonNode object = activities.get(i).object().embedded().orElseThrow();
            if (ProposalNote.isProposal(object)) {
                ProposalNote note = ProposalNote.fromJson(object);
                assertEquals(entries.get(i).sender().actor().uri(), note.attributedTo());
                assertFalse(note.publishes().resourceClassifiedAs().isEmpty());
                continue;
            }
            IncomingNote note = IncomingNote.fromJson(object);
            if (entries.get(i).kind() == ActivityMix.Kind.BOARD_POST) {
                posts++;
                assertTrue(note.mentions().contains(scene.communityUri()), note.mentions().toString());
                assertTrue(note.hashtags().contains("MutualAidOffer") || note.hashtags().contains("MutualAidRequest"),
                        note.hashtags().toString());
            } else {
                replies++;
                assertNotNull(note.inReplyTo());
                SoakScene.LocalProposal target = scene.proposals().stream().filter(p -> p.uri().equals(note.inReplyTo()))
                        .findFirst().orElseThrow();
                assertTrue(note.cc().contains(target.authorUri()), note.cc().toString());
            }
        }
        assertTrue(posts > 100 && replies > 100, posts + " board posts, " + replies + " replies");
    }

    @Test
    void aProfileUpdateCarriesTheSendersOwnKey() {
        List<Integer> updates = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Activity a = activities.get(i);
            if (a.type().equals("Update") && a.object().id().equals(a.actor())) {
                updates.add(i);
                JsonNode key = a.object().embedded().orElseThrow().path("publicKey");
                assertEquals(a.actor() + "#main-key", key.path("id").asText());
                assertEquals(entries.get(i).sender().actor().publicKeyPem(), key.path("publicKeyPem").asText());
            }
        }
        assertFalse(updates.isEmpty());
    }

    private static boolean lagged(Map<String, Integer> sentAt, String id, int index) {
        Integer at = sentAt.get(id);
        return at != null && index - at >= LAG;
    }
}
