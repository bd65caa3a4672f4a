package org.weft.server.domain.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.weft.activitypub.client.ActivityPubClient;
import org.weft.activitypub.vocab.Actor;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * Storing one actor from many transactions at once (an Update racing a fetch, or two server processes sharing
 * the database): every store succeeds and there is one row. Before, all but one failed on {@code uq_actor_uri}.
 */
class RemoteActorsConcurrencyTest {
    private static final int STORES = 8;

    @Test
    void concurrentStoresOfANewActorLeaveOneRow() throws Exception {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base());
             ActivityPubClient client = ActivityPubClient.builder("test").build()) {
            RemoteActors actors = new RemoteActors(weft.server().db(), client, weft.server().urls(), Clock.systemUTC());
            Actor rosa = Actor.fromJson(TestHttp.json(mastodon.fixture("mastodon/actor.json")));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ActorEntity>> stores = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < STORES; i++) {
                    stores.add(pool.submit(() -> {
                        go.await();
                        return actors.store(rosa);
                    }));
                }
                go.countDown();
                for (Future<ActorEntity> store : stores) {
                    assertEquals(mastodon.rosa(), store.get().getUri());
                }
            }
            long rows = weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from ActorEntity a where a.uri = :u", Long.class)
                    .setParameter("u", mastodon.rosa()).getSingleResult());
            assertEquals(1, rows);
        }
    }
}
