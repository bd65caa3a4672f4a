package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * Followers, following and outbox as Mastodon shows them: an OrderedCollection with {@code totalItems} and a
 * {@code first} page (without {@code first} Mastodon shows the list as hidden), then pages of 20 linked by
 * {@code next}/{@code prev}.
 */
class CollectionsTest {
    private static final int FOLLOWERS = 23;
    private static TestServers.Instance weft;
    private static String group;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        group = weft.server().localActors().createGroup("block3", "Block 3", null).getUri();
        weft.server().localActors().createMember("amina", "Amina", "correct horse battery", false);
        weft.server().db().run(s -> {
            ActorEntity followee = ActorRepository.localByUsername(s, "block3").orElseThrow();
            Instant now = Instant.now();
            for (int i = 0; i < FOLLOWERS; i++) {
                ActorEntity follower = remoteActor("fan" + i, now);
                s.persist(follower);
                FollowEntity follow = new FollowEntity(follower, followee, follower.getUri() + "#follows/1", now);
                follow.accept(now);
                s.persist(follow);
            }
            // A follow still waiting counts nowhere.
            ActorEntity pending = remoteActor("waiting", now);
            s.persist(pending);
            s.persist(new FollowEntity(pending, followee, pending.getUri() + "#follows/1", now));
        });
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void eachCollectionIsAnOrderedCollectionWithAFirstPage() {
        for (String which : List.of("followers", "following", "outbox")) {
            String id = group + "/" + which;
            JsonNode collection = TestHttp.activityJson(id);
            assertEquals(id, collection.path("id").asText());
            assertEquals("OrderedCollection", collection.path("type").asText());
            assertTrue(collection.path("totalItems").isNumber(), which);
            assertEquals(id + "?page=1", collection.path("first").asText(), which);

            JsonNode page = TestHttp.activityJson(id + "?page=1");
            assertEquals(id + "?page=1", page.path("id").asText());
            assertEquals("OrderedCollectionPage", page.path("type").asText());
            assertEquals(id, page.path("partOf").asText());
            assertTrue(page.path("orderedItems").isArray(), which);
        }
        assertEquals(FOLLOWERS, TestHttp.activityJson(group + "/followers").path("totalItems").asLong());
        assertEquals(0, TestHttp.activityJson(group + "/following").path("totalItems").asLong());
    }

    @Test
    void moreThanAPageOfFollowersIsPagedWithNextAndPrev() {
        String id = group + "/followers";
        JsonNode first = TestHttp.activityJson(id + "?page=1");
        assertEquals(20, first.path("orderedItems").size());
        assertEquals(id + "?page=2", first.path("next").asText());
        assertTrue(first.path("prev").isMissingNode());

        JsonNode second = TestHttp.activityJson(first.path("next").asText());
        assertEquals(FOLLOWERS - 20, second.path("orderedItems").size());
        assertTrue(second.path("next").isMissingNode(), second.toString());
        assertEquals(id + "?page=1", second.path("prev").asText());

        Set<String> seen = new HashSet<>();
        first.path("orderedItems").forEach(i -> seen.add(i.asText()));
        second.path("orderedItems").forEach(i -> seen.add(i.asText()));
        assertEquals(FOLLOWERS, seen.size(), "every accepted follower exactly once, the pending one never");
        assertTrue(seen.contains("https://remote.example/users/fan0"));
        assertTrue(!seen.contains("https://remote.example/users/waiting"));

        assertEquals(0, TestHttp.activityJson(id + "?page=3").path("orderedItems").size(), "past the end: empty");
    }

    @Test
    void badPageValuesAre400() {
        for (String page : List.of("abc", "0", "-1", "1.5", "100001", "99999999999", "")) {
            assertEquals(400, TestHttp.get(group + "/followers?page=" + page, "application/activity+json").statusCode(),
                    "page=" + page);
        }
    }

    @Test
    void unknownCollectionsAre404() {
        assertEquals(404, TestHttp.get(group + "/liked", "application/activity+json").statusCode());
        assertEquals(404, TestHttp.get(weft.base() + "/groups/nobody/followers", "application/activity+json").statusCode());
        assertEquals(404, TestHttp.get(weft.base() + "/users/block3/followers", "application/activity+json").statusCode(),
                "block3 is a group, not a member");
    }

    private static ActorEntity remoteActor(String name, Instant now) {
        String uri = "https://remote.example/users/" + name;
        ActorEntity actor = new ActorEntity(uri, ActorKind.PERSON, false, name, "remote.example", now);
        actor.setDisplayName(name);
        actor.setInbox(uri + "/inbox");
        actor.setKey(uri + "#main-key", "-----BEGIN PUBLIC KEY-----\nnot used here\n-----END PUBLIC KEY-----\n");
        return actor;
    }
}
