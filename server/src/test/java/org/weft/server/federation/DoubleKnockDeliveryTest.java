package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.signature.SignatureScheme;
import org.weft.server.persistence.DeliveryEntity;
import org.weft.server.model.Audience;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.testing.FediversePeer;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Deliveries to servers that verify only RFC 9421, only draft-cavage, both, or neither (WireMock peers that really
 * check signatures, with the community's published key, by code independent of Weft's): all but the last deliver.
 * What each costs is counted on the peer's side: RFC 9421 first, a second knock in draft-cavage only where it is
 * refused, and no second knock after that, also after a restart (the memory is in the database); a day later RFC 9421
 * is tried again. A server that refuses both gets two requests per attempt and the delivery is retried like any 401.
 */
class DoubleKnockDeliveryTest {
    private static final SignatureScheme RFC = SignatureScheme.RFC_9421;
    private static final SignatureScheme DRAFT = SignatureScheme.DRAFT_CAVAGE;

    @Test
    void everyPeerGetsItsDeliveriesAndADraftOnlyOneCostsOneExtraRequestOnceEvenAcrossARestart() {
        TestServers.Instance weft = TestServers.start();
        try (MastodonPeer rfcOnly = new MastodonPeer(weft.base()); MastodonPeer draftOnly = new MastodonPeer(weft.base());
             MastodonPeer both = new MastodonPeer(weft.base())) {
            rfcOnly.acceptOnly(RFC);
            draftOnly.acceptOnly(DRAFT);
            both.acceptOnly(RFC, DRAFT);
            weft.server().localActors().createGroup("block3", "Block 3", null);
            weft.server().localActors().createMember("nadia", "Nadia", "a long enough password", false);

            // Each rosa follows; the Accept is the first delivery to each host.
            for (MastodonPeer peer : List.of(rfcOnly, draftOnly, both)) {
                follow(weft, peer);
            }
            WaitFor.deliveriesDrained(weft);
            assertEquals(List.of(RFC), schemes(rfcOnly));
            assertEquals(List.of(RFC, DRAFT), schemes(draftOnly), "refused in RFC 9421, taken in draft-cavage");
            assertEquals(List.of(RFC), schemes(both));
            assertEquals(Map.of(host(draftOnly), "DRAFT_CAVAGE"), rememberedHosts(weft));

            // The next delivery: no second knock anywhere.
            offer(weft, "Two bags of winter clothes");
            WaitFor.deliveriesDrained(weft);
            assertEquals(List.of(RFC, RFC), schemes(rfcOnly));
            assertEquals(List.of(RFC, DRAFT, DRAFT), schemes(draftOnly));
            assertEquals(List.of(RFC, RFC), schemes(both));

            // A restart keeps the memory: still no second knock.
            weft = weft.restart();
            offer(weft, "A folding crib");
            WaitFor.deliveriesDrained(weft);
            assertEquals(List.of(RFC, DRAFT, DRAFT, DRAFT), schemes(draftOnly));

            // A day later RFC 9421 is tried again, refused, and draft-cavage remembered anew.
            Instant dayAgo = Instant.now().minus(Duration.ofHours(25));
            weft.server().db().run(s -> s.createNativeMutationQuery("UPDATE signature_scheme_host SET learned_at = ?1")
                    .setParameter(1, LocalDateTime.ofInstant(dayAgo, ZoneOffset.UTC)).executeUpdate());
            weft = weft.restart();
            offer(weft, "A box of canned food");
            WaitFor.deliveriesDrained(weft);
            assertEquals(List.of(RFC, DRAFT, DRAFT, DRAFT, RFC, DRAFT), schemes(draftOnly));
            assertEquals(List.of(RFC, RFC, RFC, RFC), schemes(rfcOnly));
            assertEquals(4, rfcOnly.acceptedInboxPosts().size());
            assertEquals(4, draftOnly.acceptedInboxPosts().size(), "every delivery arrived at the draft-only server");
            assertEquals(4, both.acceptedInboxPosts().size());
            Instant learned = weft.server().db().inTransaction(s -> s.createNativeQuery(
                    "SELECT learned_at FROM signature_scheme_host", LocalDateTime.class).getSingleResult())
                    .toInstant(ZoneOffset.UTC);
            assertTrue(learned.isAfter(dayAgo.plus(Duration.ofHours(1))), "learned anew: " + learned);
        } finally {
            weft.close();
        }
    }

    @Test
    void aServerThatRefusesBothSchemesGetsTwoRequestsAndTheDeliveryIsRetriedLikeAny401() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer closed = new MastodonPeer(weft.base())) {
            closed.acceptOnly();
            weft.server().localActors().createGroup("block3", "Block 3", null);

            follow(weft, closed);
            WaitFor.deliveriesDrained(weft);

            assertEquals(List.of(RFC, DRAFT), schemes(closed), "one request per scheme, never a third");
            DeliveryEntity accept = weft.server().db().inTransaction(s -> s.createSelectionQuery(
                    "from DeliveryEntity", DeliveryEntity.class).getSingleResult());
            assertEquals(DeliveryEntity.State.PENDING, accept.getState(), "a 401 is retried later");
            assertEquals(1, accept.getAttempts());
            assertEquals(401, accept.getLastStatus());
            assertTrue(accept.getNextAttemptAt().isAfter(Instant.now()), "not before the retry policy's delay");
            assertEquals(Map.of(), rememberedHosts(weft), "nothing was taken, so nothing is learned");
        }
    }

    private static void follow(TestServers.Instance weft, MastodonPeer peer) {
        String follow = peer.fixture("mastodon/follow.json")
                .replace(weft.base() + "/users/amina", weft.base() + "/groups/block3");
        assertEquals(202, peer.deliver(URI.create(weft.base() + "/inbox"), follow).statusCode());
        WaitFor.inboundDone(weft, TestHttp.json(follow).path("id").asText());
    }

    private static void offer(TestServers.Instance weft, String title) {
        weft.server().proposals().service().create("nadia", ProposalDraft.builder().community("block3")
                .purpose(Purpose.OFFER).title(title).description("Pick-up near the garden.").categories("clothing")
                .audience(Audience.PUBLIC).build());
    }

    /** The schemes of the inbox POSTs a peer received, oldest first, whatever it answered. */
    private static List<SignatureScheme> schemes(MastodonPeer peer) {
        return peer.wireMock().getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getMethod().getName().equals("POST") && r.getUrl().endsWith("inbox"))
                .map(FediversePeer::schemeOf).toList().reversed();
    }

    private static String host(MastodonPeer peer) {
        return URI.create(peer.origin()).getAuthority();
    }

    private static Map<String, String> rememberedHosts(TestServers.Instance weft) {
        Map<String, String> hosts = new TreeMap<>();
        weft.server().db().inTransaction(s -> s.createNativeQuery("SELECT host, scheme FROM signature_scheme_host",
                Object[].class).getResultList()).forEach(row -> hosts.put((String) row[0], (String) row[1]));
        return hosts;
    }
}
