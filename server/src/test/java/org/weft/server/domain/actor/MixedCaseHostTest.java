package org.weft.server.domain.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.weft.activitypub.client.ActivityPubClient;
import org.weft.activitypub.vocab.Actor;
import org.weft.server.persistence.AccountBlockRepository;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * An account whose id writes its server's name in capitals ({@code http://LocalHost:port/users/rosa}) is stored under
 * that server's name in lower case, as blocks hold it: a community that refuses the server refuses her, on H2 (where
 * text compares case by case) as on MariaDB. Before, she was stored under {@code LocalHost:port} and the refusal of
 * {@code localhost:port} did not meet her on H2.
 */
class MixedCaseHostTest {
    @Test
    void anAccountOfAServerWrittenInCapitalsMeetsItsRefusal() throws Exception {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base());
             ActivityPubClient client = ActivityPubClient.builder("test").build()) {
            RemoteActors actors = new RemoteActors(weft.server().db(), client, weft.server().urls(), Clock.systemUTC());
            String origin = mastodon.origin();
            Actor rosa = Actor.fromJson(TestHttp.json(mastodon.fixture("mastodon/actor.json")
                    .replace(origin, origin.replace("localhost", "LocalHost"))));
            ActorEntity stored = actors.store(rosa);
            String server = URI.create(origin).getAuthority();
            assertEquals(server, stored.getDomain());

            long block3 = weft.server().localActors().createGroup("block3", "Block 3", null).getId();
            long amina = weft.server().localActors().createMember("amina", "Amina", "a long enough password", false).getId();
            weft.server().moderators().add("block3", "amina", Optional.empty());
            weft.server().safety().servers().block(amina, "block3", server, "Spam");
            boolean refused = weft.server().db().inTransaction(s -> AccountBlockRepository.anyBlocks(s, List.of(block3),
                    stored.getId()));
            assertTrue(refused, "Block 3 refuses her server");
        }
    }
}
