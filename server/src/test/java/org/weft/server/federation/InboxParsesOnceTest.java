package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.queue.InboundStore;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * The inbox parses an activity once: it keeps the body as it came when it needed no JSON-LD processing (the usual
 * case), and the compacted document when it did; the worker reads what was kept as plain JSON. Either way the sender
 * sees the same thing: its Follow is accepted.
 */
class InboxParsesOnceTest {

    @Test
    void aFollowInTheUsualShapeIsKeptAsItCame() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            String follow = mastodon.fixture("mastodon/follow.json")
                    .replace(weft.base() + "/users/amina", weft.base() + "/groups/block3");
            assertEquals(202, mastodon.deliver(URI.create(weft.base() + "/inbox"), follow).statusCode());

            InboundActivityEntity row = WaitFor.inboundDone(weft, TestHttp.json(follow).path("id").asText());
            assertEquals(InboundActivityEntity.State.DONE, row.getState(), row.getLastError());
            assertEquals(follow, keptBody(weft, row), "kept byte for byte: nothing to rewrite");
            assertAcceptedAndAnswered(weft, mastodon);
        }
    }

    @Test
    void aFollowThatNeededJsonLdIsKeptCompactedAndReadWithoutIt() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            String id = mastodon.rosa() + "#follows/odd-1";
            // Valid JSON-LD with keyword aliases and a prefix of its own: unreadable as plain ActivityStreams JSON.
            String follow = """
                    {"@context": ["https://www.w3.org/ns/activitystreams",
                                  {"a": "https://www.w3.org/ns/activitystreams#", "ident": "@id", "kind": "@type",
                                   "who": {"@id": "a:actor", "@type": "@id"}}],
                     "ident": "%s", "kind": "Follow", "who": "%s", "a:object": {"@id": "%s"}}"""
                    .formatted(id, mastodon.rosa(), weft.base() + "/groups/block3");
            assertEquals(202, mastodon.deliver(URI.create(weft.base() + "/inbox"), follow).statusCode());

            InboundActivityEntity row = WaitFor.inboundDone(weft, id);
            assertEquals(InboundActivityEntity.State.DONE, row.getState(), row.getLastError());
            String body = keptBody(weft, row);
            JsonNode kept = TestHttp.json(body);
            assertEquals("Follow", kept.path("type").asText(), body);
            assertEquals(mastodon.rosa(), kept.path("actor").asText(), body);
            assertFalse(body.contains("\"ident\""), "the compacted form is kept, not the aliases: " + body);
            assertAcceptedAndAnswered(weft, mastodon);
        }
    }

    /** The body the inbox kept for the worker (the entity does not map it). */
    private static String keptBody(TestServers.Instance weft, InboundActivityEntity row) {
        return new InboundStore(weft.server().db()).body(row.getId()).orElseThrow();
    }

    /** Weft follows back the way rosa's server sees it: the follow is accepted, and an Accept reached her inbox. */
    private static void assertAcceptedAndAnswered(TestServers.Instance weft, MastodonPeer mastodon) {
        FollowEntity.State state = weft.server().db().inTransaction(s -> FollowRepository.between(s,
                ActorRepository.byUri(s, mastodon.rosa()).orElseThrow(),
                ActorRepository.localByUsername(s, "block3").orElseThrow()).map(FollowEntity::getState).orElse(null));
        assertEquals(FollowEntity.State.ACCEPTED, state);
        WaitFor.condition("rosa's server receives the Accept", () -> mastodon.inboxPosts().stream()
                .anyMatch(post -> post.getBodyAsString().contains("\"Accept\"")));
        assertTrue(mastodon.inboxPosts().stream().allMatch(post -> post.getBodyAsString().contains("\"Accept\"")));
    }
}
