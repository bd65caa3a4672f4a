package org.weft.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.vocab.Activities;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.config.WeftConfig;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.ActorKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ChangeFeedEntries;
import org.weft.server.persistence.DeliveryEntity;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.JobLeases;
import org.weft.server.persistence.MatchEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestDatabases;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;

/**
 * Two Weft nodes serving one instance from one MariaDB database, as behind a reverse proxy (issue 17, the CI check of
 * item 3): what one node is told, or changes, the other serves or uses through the change feed (within a second is
 * what {@code deploy/cluster/check} reports), deliveries go out once
 * whichever node sends them, and a scheduled job runs on one node at a time.
 *
 * <p>MariaDB only: two processes can share an embedded H2 file only through its auto-server mode, which is not a way
 * anyone should run two nodes. CI runs it with {@code WEFT_TEST_DB_URL} set, as {@code ./weft test} does then.
 */
class TwoNodesTest {
    /**
     * How long another node may take to follow a change here. The figure is one second, and
     * {@code deploy/cluster/check} reports against it; a test on a loaded CI machine asserts the mechanism instead: the
     * change reaches the other node through the change feed, well before anything else would bring it there (a
     * cached actor document's own half-minute limit; the matcher never rebuilds by itself).
     */
    private static final Duration BEFORE_ANYTHING_ELSE = Duration.ofSeconds(10);
    /** How long the mock inboxes take to answer. */
    private static final int ANSWER_MS = 100;

    private DatabaseSettings database;
    private WeftServer node1;
    private WeftServer node2;
    private String base;
    private String node2Base;

    @BeforeEach
    void startTwoNodes() {
        Assumptions.assumeTrue(TestDatabases.usingMariaDb(),
                "two nodes need a shared MariaDB database: set WEFT_TEST_DB_URL (as CI does) to run this test");
        database = TestDatabases.fresh(TestDatabases.tempDir());
        int port1 = TestServers.freePort();
        int port2 = TestServers.freePort();
        base = "http://localhost:" + port1;
        node2Base = "http://localhost:" + port2;
        node1 = WeftServer.start(config(port1, base));
        node2 = WeftServer.start(config(port2, base));
    }

    /** One node: its own port and directory, the instance's one address and one database. */
    private WeftConfig config(int port, String instanceBase) {
        Path dir = TestDatabases.tempDir();
        return WeftConfig.load(Map.of("WEFT_PORT", String.valueOf(port), "WEFT_HOST", "127.0.0.1",
                "WEFT_BASE_URL", instanceBase, "WEFT_DATA_DIR", dir.toString(),
                "WEFT_FEDERATION_ALLOW_PRIVATE", "true")).withDatabase(database);
    }

    @AfterEach
    void stop() {
        try {
            if (node2 != null) {
                node2.close();
            }
            if (node1 != null) {
                node1.close();
            }
        } finally {
            if (database != null) {
                TestDatabases.drop(database);
            }
        }
    }

    @Test
    void aFollowReceivedByOneNodeAndAProfileEditShowOnTheOtherWithinASecond() {
        node1.localActors().createGroup("block3", "Block 3", "Help between neighbours");
        String group = base + "/groups/block3";
        // Node 2 has served the community's document once, so it keeps it in memory from now on.
        assertEquals("Block 3", actorOnNode2().path("name").asText());
        assertEquals(0, followersOnNode2().path("totalItems").asInt());

        try (MastodonPeer mastodon = new MastodonPeer(base)) {
            String follow = mastodon.fixture("mastodon/follow.json").replace(base + "/users/amina", group);
            assertEquals(202, mastodon.deliver(URI.create(base + "/inbox"), follow).statusCode());
            String followId = TestHttp.json(follow).path("id").asText();
            WaitFor.condition("node 1 stores the follow as accepted", () -> node1.db().inTransaction(s ->
                    s.createSelectionQuery("select count(*) from FollowEntity where activityUri = :u and state = :accepted",
                            Long.class).setParameter("u", followId).setParameter("accepted", FollowEntity.State.ACCEPTED)
                            .getSingleResult()) == 1);
            WaitFor.condition("node 2's followers collection lists rosa", BEFORE_ANYTHING_ELSE, () -> {
                JsonNode collection = followersOnNode2();
                return collection.path("totalItems").asInt() == 1 && TestHttp.activityJson(
                        collection.path("first").asText().replace(base, node2Base)).path("orderedItems").get(0)
                        .asText().equals(mastodon.rosa());
            });
        }

        // The community is renamed through node 1; node 2 serves the new name within a second, not after its cache's
        // own half-minute limit.
        node1.db().run(s -> ActorRepository.localByUsername(s, "block3").orElseThrow().setDisplayName("Block 3 and 4"));
        WaitFor.condition("node 2 serves the new name", BEFORE_ANYTHING_ELSE,
                () -> actorOnNode2().path("name").asText().equals("Block 3 and 4"));
    }

    @Test
    void aProposalCreatedThroughNodeTwoIsMatchedByNodeOne() throws Exception {
        node1.localActors().createGroup("camp", "Camp Board", null);
        node1.localActors().createMember("layla", "Layla", "a long enough password", false);
        node1.localActors().createMember("omar", "Omar", "a long enough password", false);
        node1.matching().matcher().rebuild().get();
        ProposalEntity request = node2.proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.REQUEST).language("en").title("We need a pram").categories("prams").build());
        WaitFor.condition("node 1's matcher holds the request made on node 2", BEFORE_ANYTHING_ELSE,
                () -> node1.matching().matcher().index().get(request.getId()) != null);

        // Omar's offer, made through node 1, is matched there against Layla's request from node 2.
        ProposalEntity offer = node1.proposals().service().create("omar", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title("A pram to give").categories("prams").build());
        node1.matching().matcher().settled().get();
        List<MatchEntity> matches = node1.db().inTransaction(s -> s.createSelectionQuery(
                "from MatchEntity where requestId = :r and offerId = :o", MatchEntity.class)
                .setParameter("r", request.getId()).setParameter("o", offer.getId()).getResultList());
        assertEquals(1, matches.size(), "node 1 matched the offer with the request from node 2");

        // Withdrawn through node 2: node 1's index lets it go within a second.
        node2.proposals().service().changeStatus("layla", request.getId(), ProposalStatus.WITHDRAWN);
        WaitFor.condition("node 1's matcher drops the withdrawn request", BEFORE_ANYTHING_ELSE,
                () -> node1.matching().matcher().index().get(request.getId()) == null);
    }

    @Test
    void aFanOutWithBothNodesDeliveringReachesEachInboxExactlyOnce() {
        WireMockServer inboxes = new WireMockServer(options().dynamicPort());
        inboxes.start();
        try {
            // Slow to answer, so both nodes' workers are busy with the fan-out at the same time.
            inboxes.stubFor(post(urlPathMatching("/users/.*/inbox")).willReturn(aResponse().withStatus(202)
                    .withFixedDelay(ANSWER_MS)));
            // Both nodes know of each other (they beat every 5 s; here at once) and share the host's limit (2).
            node1.cluster().heartbeat().beat();
            node2.cluster().heartbeat().beat();
            assertEquals(2, node1.cluster().heartbeat().running());
            assertEquals(1, node1.cluster().hostGate().perHostHere());
            assertEquals(1, node2.cluster().hostGate().perHostHere());
            ActorEntity sender = node1.localActors().createGroup("camp", "Camp Board", null);
            List<ActorEntity> recipients = new ArrayList<>();
            node1.db().run(s -> {
                for (int i = 0; i < 50; i++) {
                    String uri = "http://localhost:" + inboxes.port() + "/users/u" + i;
                    ActorEntity actor = new ActorEntity(uri, ActorKind.PERSON, false, "u" + i,
                            "localhost:" + inboxes.port(), Instant.now());
                    actor.setInbox(uri + "/inbox");
                    actor.setKey(uri + "#main-key", "unused");
                    s.persist(actor);
                    recipients.add(actor);
                }
            });
            var note = JsonNodeFactory.instance.objectNode().put("id", base + "/notes/1").put("type", "Note")
                    .put("content", "hello");
            // Queued through node 2 (its own worker is woken); node 1's worker finds the rows at its next poll.
            node2.db().run(s -> node2.outbox().send(s, s.merge(sender),
                    Activities.create(node2.outbox().newActivityId(), sender.getUri(), note), recipients, true));

            WaitFor.condition("every delivery attempted and finished", () -> node1.db().inTransaction(s ->
                    s.createSelectionQuery("select count(*) from DeliveryEntity where state <> :done", Long.class)
                            .setParameter("done", DeliveryEntity.State.DELIVERED).getSingleResult()) == 0);
            Map<String, Long> perInbox = inboxes.findAll(com.github.tomakehurst.wiremock.client.WireMock
                            .postRequestedFor(urlPathMatching("/users/.*/inbox"))).stream()
                    .collect(Collectors.groupingBy(LoggedRequest::getUrl, Collectors.counting()));
            assertEquals(50, perInbox.size(), "every inbox got the activity: " + perInbox.keySet());
            Map<String, Long> twice = new HashMap<>(perInbox);
            twice.values().removeIf(count -> count == 1);
            assertEquals(Map.of(), twice, "no inbox got it twice");
            // The host's limit held for the instance: never more than 2 requests within one answer time of each other
            // (each node alone would allow 2, so without sharing 4 arrive together).
            List<Long> arrivals = inboxes.getAllServeEvents().stream().map(e -> e.getRequest().getLoggedDate().getTime())
                    .sorted().toList();
            for (int i = 2; i < arrivals.size(); i++) {
                assertTrue(arrivals.get(i) - arrivals.get(i - 2) >= ANSWER_MS * 9 / 10,
                        "three requests to one host at once: " + arrivals.subList(i - 2, i + 1));
            }
        } finally {
            inboxes.stop();
        }
    }

    @Test
    void aScheduledJobRunsOnOneNodeAtATime() throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            int ranOn1 = 0;
            int ranOn2 = 0;
            for (int round = 0; round < 5; round++) {
                // Both nodes' schedules fire at the same moment.
                Future<Boolean> first = both.submit((Callable<Boolean>) node1::expireProposalsIfOurTurn);
                Future<Boolean> second = both.submit((Callable<Boolean>) node2::expireProposalsIfOurTurn);
                boolean one = first.get();
                boolean two = second.get();
                assertNotEquals(one, two, "exactly one node runs the job in round " + round);
                ranOn1 += one ? 1 : 0;
                ranOn2 += two ? 1 : 0;
            }
            assertTrue(ranOn1 == 5 || ranOn2 == 5, "the holder keeps the job: " + ranOn1 + " and " + ranOn2);
            WeftServer holder = ranOn1 == 5 ? node1 : node2;
            WeftServer other = holder == node1 ? node2 : node1;
            String holderId = holder.db().nodeId();
            assertEquals(holderId, other.db().inTransaction(s -> JobLeases.holder(s, WeftServer.PROPOSAL_EXPIRY)));

            // The holder stops: it gives the lease back, and the other node runs the job at its next turn.
            holder.close();
            if (holder == node1) {
                node1 = null;
            } else {
                node2 = null;
            }
            assertTrue(other == node1 ? node1.expireProposalsIfOurTurn() : node2.expireProposalsIfOurTurn());
            assertNotNull(other.db().inTransaction(s -> JobLeases.holder(s, WeftServer.PROPOSAL_EXPIRY)));
            assertEquals(other.db().nodeId(), other.db().inTransaction(s -> JobLeases.holder(s, WeftServer.PROPOSAL_EXPIRY)));
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    void signInLimitsHoldForTheInstanceNotOncePerNode() {
        node1.localActors().createMember("zora", "Zora", "zora-password", false);
        PageClient toNode1 = new PageClient(base);
        PageClient toNode2 = new PageClient(node2Base);
        Map<String, String> wrong = Map.of("username", "zora", "password", "a wrong guess");
        Map<String, String> right = Map.of("username", "zora", "password", "zora-password");

        for (int i = 0; i < 3; i++) {
            assertEquals(401, toNode1.submit("/login", "/login", wrong).statusCode());
        }
        // Node 1 reads its own three failures back from the feed: it must not count them a second time. Once it has
        // read them, a fourth guess there is still only checked (401), not held back as a sixth would be (429).
        bothNodesHaveRead();
        assertEquals(401, toNode1.submit("/login", "/login", wrong).statusCode());
        bothNodesHaveRead();
        // Node 2 counts node 1's four: the fifth guess, made there, ends the account's free failures for the instance.
        assertEquals(401, toNode2.submit("/login", "/login", wrong).statusCode());
        assertEquals(429, toNode2.submit("/login", "/login", right).statusCode(), "held back on the node of the fifth");
        // The right password is not tried on node 1 before it has read node 2's failure: a success would end the streak.
        bothNodesHaveRead();
        assertEquals(429, toNode1.submit("/login", "/login", right).statusCode(), "held back on node 1 too");
    }

    /** Waits until each node's change-feed reader has read every change written so far. */
    private void bothNodesHaveRead() {
        long newest = node1.db().inTransaction(ChangeFeedEntries::maxId);
        WaitFor.condition("both nodes have read the change feed to " + newest, BEFORE_ANYTHING_ELSE,
                () -> node1.cluster().changes().readTo() >= newest && node2.cluster().changes().readTo() >= newest);
    }

    private JsonNode actorOnNode2() {
        return TestHttp.activityJson(node2Base + "/groups/block3");
    }

    private JsonNode followersOnNode2() {
        return TestHttp.activityJson(node2Base + "/groups/block3/followers");
    }
}
