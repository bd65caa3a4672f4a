package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.hibernate.Hibernate;
import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.weft.server.model.ActorKind;
import org.weft.server.testing.FreshDatabase;

/**
 * Lazy to-one links still load lazily when their proxy classes are generated on first need rather than at start:
 * a follow read in a new session holds proxies of its two actors, which read their rows when first touched. Runs on
 * H2 by default and on MariaDB when WEFT_TEST_DB_URL is set.
 */
class ProxiesWhenNeededTest {
    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase();

    @Test
    void aLazyLinkIsAProxyThatLoadsItsRowWhenTouched() {
        Database db = fresh.db();
        Instant now = Instant.parse("2026-12-05T19:00:00Z");
        long followId = db.inTransaction(s -> {
            ActorEntity follower = actor("https://remote.example/users/ana", ActorKind.PERSON, "ana", "remote.example", now);
            ActorEntity group = actor("https://remote.example/groups/kitchen", ActorKind.GROUP, "kitchen", "remote.example",
                    now);
            s.persist(follower);
            s.persist(group);
            FollowEntity follow = new FollowEntity(follower, group, "https://remote.example/follows/1", now);
            s.persist(follow);
            return follow.getId();
        });

        db.run(s -> {
            FollowEntity follow = s.find(FollowEntity.class, followId);
            ActorEntity follower = follow.getFollower();
            assertInstanceOf(HibernateProxy.class, follower, "the follower is not read with the follow");
            assertFalse(Hibernate.isInitialized(follower));
            assertEquals("ana", follower.getUsername());
            assertTrue(Hibernate.isInitialized(follower), "touching the proxy read the row");
            assertEquals("https://remote.example/groups/kitchen", follow.getFollowee().getUri());
        });
    }

    private static ActorEntity actor(String uri, ActorKind kind, String name, String domain, Instant now) {
        ActorEntity actor = new ActorEntity(uri, kind, false, name, domain, now);
        actor.setDisplayName(name);
        actor.setInbox(uri + "/inbox");
        actor.setKey(uri + "#main-key", "unused");
        return actor;
    }
}
