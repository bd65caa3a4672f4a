package org.weft.activitypub.webfinger;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.Fixtures;
import org.weft.activitypub.jsonld.MalformedActivityException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JrdTest {

    @Test
    void readsMastodonWebFinger() {
        Jrd jrd = Jrd.fromJson(Fixtures.json("mastodon/webfinger.json"));
        assertEquals("acct:rosa@mastodon.example", jrd.subject());
        assertEquals(List.of("https://mastodon.example/@rosa", "https://mastodon.example/users/rosa"), jrd.aliases());
        assertEquals(4, jrd.links().size());
        assertEquals("https://mastodon.example/users/rosa", jrd.actorId().orElseThrow());
        assertEquals("https://mastodon.example/authorize_interaction?uri={uri}",
                jrd.link(JrdLinks.REL_SUBSCRIBE).orElseThrow().template());
        assertEquals("https://mastodon.example/@rosa", jrd.link(JrdLinks.REL_PROFILE_PAGE).orElseThrow().href());
    }

    @Test
    void readsLemmyWebFingerWithExplicitNulls() {
        Jrd kofi = Jrd.fromJson(Fixtures.json("lemmy/webfinger.json"));
        assertEquals("acct:kofi@lemmy.example", kofi.subject());
        assertTrue(kofi.aliases().isEmpty());
        assertEquals("https://lemmy.example/u/kofi", kofi.actorId().orElseThrow());
        JrdLink self = kofi.link(JrdLinks.REL_SELF).orElseThrow();
        assertNull(self.template());
        assertEquals("Person", self.properties().get("https://www.w3.org/ns/activitystreams#type"));
        JrdLink subscribe = kofi.link(JrdLinks.REL_SUBSCRIBE).orElseThrow();
        assertNull(subscribe.href());
        assertNull(subscribe.type());

        Jrd group = Jrd.fromJson(Fixtures.json("lemmy/webfinger-group.json"));
        assertEquals("https://lemmy.example/c/foodshare", group.actorId().orElseThrow());
        assertEquals("Group", group.link("self").orElseThrow().properties().get("https://www.w3.org/ns/activitystreams#type"));
    }

    @Test
    void refusesAnswerWithoutSubject() {
        JsonNode noSubject = Fixtures.json("mastodon/webfinger.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) noSubject).remove("subject");
        var e = assertThrows(MalformedActivityException.class, () -> Jrd.fromJson(noSubject));
        assertTrue(e.getMessage().contains("subject"));
    }

    @Test
    void writesWhatMastodonNeeds() {
        Jrd jrd = new Jrd("acct:amina@camp.weft.test",
                List.of("https://camp.weft.test/users/amina", "https://camp.weft.test/@amina"),
                List.of(JrdLinks.self("https://camp.weft.test/users/amina"),
                        JrdLinks.profilePage("https://camp.weft.test/@amina"),
                        JrdLinks.subscribe("https://camp.weft.test/")));
        JsonNode json = jrd.toJson();
        assertEquals("acct:amina@camp.weft.test", json.get("subject").asText());
        assertEquals(2, json.get("aliases").size());
        JsonNode self = json.get("links").get(0);
        assertEquals("self", self.get("rel").asText());
        assertEquals("application/activity+json", self.get("type").asText());
        assertEquals("https://camp.weft.test/users/amina", self.get("href").asText());
        assertFalse(self.has("template"), "no explicit nulls");
        JsonNode profile = json.get("links").get(1);
        assertEquals("http://webfinger.net/rel/profile-page", profile.get("rel").asText());
        assertEquals("text/html", profile.get("type").asText());
        JsonNode subscribe = json.get("links").get(2);
        assertEquals("https://camp.weft.test/authorize_interaction?uri={uri}", subscribe.get("template").asText());
        assertFalse(subscribe.has("href"));
        assertEquals(jrd, Jrd.fromJson(json));
    }

    @Test
    void instanceActorLinkFollowsFepD556() {
        Jrd jrd = new Jrd("https://camp.weft.test/", List.of(),
                List.of(JrdLinks.instanceActor("https://camp.weft.test/actor"), JrdLinks.self("https://camp.weft.test/actor")));
        JsonNode link = jrd.toJson().get("links").get(0);
        assertEquals("https://www.w3.org/ns/activitystreams#Service", link.get("rel").asText());
        assertEquals("application/activity+json", link.get("type").asText());
        assertEquals("https://camp.weft.test/actor", link.get("href").asText());
    }

    @Test
    void hostMetaPointsAtWebFinger() {
        String xml = HostMeta.xml("https://camp.weft.test/");
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assertTrue(xml.contains("<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">"));
        assertTrue(xml.contains(
                "<Link rel=\"lrdd\" template=\"https://camp.weft.test/.well-known/webfinger?resource={uri}\"/>"), xml);
        assertThrows(IllegalArgumentException.class, () -> HostMeta.xml("https://camp.weft.test/path"));
        assertThrows(IllegalArgumentException.class, () -> HostMeta.xml("camp.weft.test"));
    }
}
