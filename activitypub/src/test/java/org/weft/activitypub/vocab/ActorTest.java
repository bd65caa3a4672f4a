package org.weft.activitypub.vocab;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.Fixtures;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.activitypub.jsonld.MalformedActivityException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActorTest {

    private static final String PEM = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n";

    @Test
    void readsMastodonActor() {
        Actor rosa = Actor.fromJson(Fixtures.parsed("mastodon/actor.json"));
        assertEquals("https://mastodon.example/users/rosa", rosa.id());
        assertEquals(ActorType.PERSON, rosa.type());
        assertEquals("rosa", rosa.preferredUsername());
        assertEquals("Rosa Dlamini", rosa.name());
        assertEquals("<p>Food-bank volunteer, Block 3. Ask me about the Saturday veg run.</p>", rosa.summary());
        assertEquals("https://mastodon.example/@rosa", rosa.url());
        assertEquals("https://mastodon.example/users/rosa/inbox", rosa.inbox());
        assertEquals("https://mastodon.example/users/rosa/outbox", rosa.outbox());
        assertEquals("https://mastodon.example/users/rosa/followers", rosa.followers());
        assertEquals("https://mastodon.example/users/rosa/following", rosa.following());
        assertEquals("https://mastodon.example/users/rosa/collections/featured", rosa.featured());
        assertEquals("https://mastodon.example/inbox", rosa.sharedInbox());
        assertEquals("https://mastodon.example/users/rosa#main-key", rosa.publicKey().id());
        assertEquals(rosa.id(), rosa.publicKey().owner());
        assertTrue(rosa.publicKey().publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----\nMIIBIjAN"));
        assertFalse(rosa.manuallyApprovesFollowers());
        assertTrue(rosa.discoverable());
        assertFalse(rosa.indexable());
        assertEquals(Instant.parse("2026-01-05T00:00:00Z"), rosa.published());
        assertEquals("image/png", rosa.icon().mediaType());
        assertTrue(rosa.icon().url().endsWith("/6a1b3c9d0e2f4a5b.png"));
        assertNull(rosa.attributedTo());
        assertNull(rosa.webfinger());
    }

    @Test
    void readsLemmyPersonAndGroup() {
        Actor kofi = Actor.fromJson(Fixtures.parsed("lemmy/actor.json"));
        assertEquals(ActorType.PERSON, kofi.type());
        assertEquals("kofi", kofi.preferredUsername());
        assertEquals("https://lemmy.example/u/kofi/inbox", kofi.inbox());
        assertEquals("https://lemmy.example/inbox", kofi.sharedInbox());
        assertNull(kofi.followers());
        assertNull(kofi.url());
        assertNull(kofi.icon().mediaType());
        assertEquals(Instant.parse("2026-01-11T18:22:40.118371Z"), kofi.published());

        Actor group = Actor.fromJson(Fixtures.parsed("lemmy/group.json"));
        assertEquals(ActorType.GROUP, group.type());
        assertEquals("foodshare", group.preferredUsername());
        assertEquals("https://lemmy.example/c/foodshare/moderators", group.attributedTo());
        assertEquals("https://lemmy.example/c/foodshare/featured", group.featured());
        assertEquals("https://lemmy.example/c/foodshare/followers", group.followers());
        assertEquals("https://lemmy.example/c/foodshare#main-key", group.publicKey().id());
    }

    @Test
    void readsGoToSocialShape() {
        Actor nadia = Actor.fromJson(Fixtures.parsed("gotosocial/actor.json"));
        assertEquals("https://gts.example/users/nadia/main-key", nadia.publicKey().id());
        assertTrue(nadia.manuallyApprovesFollowers());
        assertNull(nadia.sharedInbox(), "GoToSocial has no shared inbox: deliver to the actor's inbox");
        assertEquals("image/jpeg", nadia.icon().mediaType());
        assertEquals("https://gts.example/@nadia", nadia.url());
    }

    @Test
    void toleratesArraysAndStringsWhereObjectsAreUsual() throws Exception {
        JsonNode odd = new ObjectMapper().readTree("""
                {"@context": "https://www.w3.org/ns/activitystreams",
                 "id": "https://odd.example/a", "type": ["Service", "Person"], "inbox": "https://odd.example/a/in",
                 "url": [{"type": "Link", "href": "https://odd.example/@a.json", "mediaType": "application/json"},
                         {"type": "Link", "href": "https://odd.example/@a", "mediaType": "text/html"}],
                 "icon": "https://odd.example/a.png", "webfinger": "acct:a@odd.example",
                 "publicKey": [{"id": "https://odd.example/other#k", "owner": "https://odd.example/other",
                                "publicKeyPem": "x"},
                               {"id": "https://odd.example/a#k", "owner": "https://odd.example/a",
                                "publicKeyPem": "y"}]}""");
        Actor actor = Actor.fromJson(odd);
        assertEquals(ActorType.SERVICE, actor.type());
        assertEquals("https://odd.example/@a", actor.url());
        assertEquals("https://odd.example/a.png", actor.icon().url());
        assertEquals("a@odd.example", actor.webfinger());
        assertEquals("https://odd.example/a#k", actor.publicKey().id());
    }

    @Test
    void refusesNonActorsAndActorsWithoutInbox() {
        JsonNode note = Fixtures.parsed("mastodon/create-note-public.json").get("object");
        assertEquals(MalformedActivityException.Reason.INVALID_SHAPE,
                assertThrows(MalformedActivityException.class, () -> Actor.fromJson(note)).reason());
        JsonNode noInbox = Fixtures.parsed("lemmy/actor.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) noInbox).remove("inbox");
        assertTrue(assertThrows(MalformedActivityException.class, () -> Actor.fromJson(noInbox))
                .getMessage().contains("inbox"));
    }

    @Test
    void writesEverythingInteropListsAndReadsItBack() {
        Actor group = Actor.builder("https://camp.weft.test/groups/block3", ActorType.GROUP)
                .preferredUsername("block3").name("Block 3").summary("<p>Camp A, Block 3</p>")
                .url("https://camp.weft.test/@block3")
                .inbox("https://camp.weft.test/groups/block3/inbox").outbox("https://camp.weft.test/groups/block3/outbox")
                .followers("https://camp.weft.test/groups/block3/followers")
                .following("https://camp.weft.test/groups/block3/following")
                .featured("https://camp.weft.test/groups/block3/featured")
                .sharedInbox("https://camp.weft.test/inbox")
                .publicKey(PublicKeyInfo.mainKey("https://camp.weft.test/groups/block3", PEM))
                .discoverable(true).published(Instant.parse("2026-05-01T10:15:30Z"))
                .icon(new Actor.Icon("https://camp.weft.test/media/block3.png", "image/png"))
                .attributedTo("https://camp.weft.test/groups/block3/moderators")
                .webfinger("block3@camp.weft.test")
                .build();
        JsonNode json = group.toJson();

        JsonNode context = json.get("@context");
        assertEquals(Vocab.AS_CONTEXT, context.get(0).asText());
        assertEquals(Vocab.SECURITY_CONTEXT, context.get(1).asText());
        JsonNode terms = context.get(2);
        assertEquals("http://joinmastodon.org/ns#", terms.get("toot").asText());
        assertEquals("as:manuallyApprovesFollowers", terms.get("manuallyApprovesFollowers").asText());
        assertEquals("toot:discoverable", terms.get("discoverable").asText());
        assertEquals("toot:indexable", terms.get("indexable").asText());
        assertEquals("toot:featured", terms.get("featured").get("@id").asText());
        assertEquals("http://schema.org#", terms.get("schema").asText());
        assertEquals("schema:PropertyValue", terms.get("PropertyValue").asText());

        assertEquals("Group", json.get("type").asText());
        assertEquals("https://camp.weft.test/groups/block3#main-key", json.get("publicKey").get("id").asText());
        assertEquals("https://camp.weft.test/inbox", json.get("endpoints").get("sharedInbox").asText());
        assertEquals("Image", json.get("icon").get("type").asText());
        assertEquals("2026-05-01T10:15:30Z", json.get("published").asText());
        assertFalse(json.get("manuallyApprovesFollowers").asBoolean());
        assertTrue(json.get("discoverable").asBoolean());
        assertFalse(json.get("indexable").asBoolean());
        for (String field : new String[] {"id", "preferredUsername", "name", "summary", "url", "inbox", "outbox",
            "followers", "following", "featured", "attributedTo", "webfinger"}) {
            assertTrue(json.get(field).isTextual(), field);
        }

        // Our own output must take the codec's fast path and read back to the same actor.
        JsonLdCodec codec = new JsonLdCodec();
        Actor back = Actor.fromJson(codec.parse(codec.write(json)));
        assertEquals(group, back);
    }

    @Test
    void instanceActorLeavesOutWhatItDoesNotHave() {
        Actor instance = Actor.builder("https://camp.weft.test/actor", ActorType.APPLICATION)
                .preferredUsername("camp.weft.test").inbox("https://camp.weft.test/actor/inbox")
                .manuallyApprovesFollowers(true).published(Instant.parse("2026-05-01T10:15:30.123456Z")).build();
        JsonNode json = instance.toJson();
        assertEquals("Application", json.get("type").asText());
        assertFalse(json.has("publicKey"));
        assertFalse(json.has("endpoints"));
        assertFalse(json.has("icon"));
        assertFalse(json.has("name"));
        assertTrue(json.get("manuallyApprovesFollowers").asBoolean());
        assertEquals("2026-05-01T10:15:30Z", json.get("published").asText(), "written to the second, as Mastodon does");
    }
}
