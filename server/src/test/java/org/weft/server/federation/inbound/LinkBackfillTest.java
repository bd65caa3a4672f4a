package org.weft.server.federation.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.client.ActivityPubClient;
import org.weft.activitypub.client.AddressGuard;
import org.weft.server.domain.post.IgnoredPost;

/**
 * Reading a newly linked community's outbox, against a WireMock server that plays a careless or hostile one:
 * only the community's own Announces and Creates count, junk entries are passed over, a page that links back to
 * itself cannot keep Weft reading, the number of posts taken is capped, and one refused post does not stop the
 * others. Two Weft instances linking for real are in {@code matching.LinkBackfillTest}.
 */
class LinkBackfillTest {
    private WireMockServer remote;
    private ActivityPubClient client;
    private final List<String> taken = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() {
        remote = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        remote.start();
        client = ActivityPubClient.builder("Weft/test").addressCheck(new AddressGuard(true)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        remote.stop();
    }

    @Test
    void onlyTheCommunitysOwnBoostsAndPostsAreTakenOnceEach() throws Exception {
        serveCommunity(url("/c/town/outbox?page=1"));
        serve("/c/town/outbox", "?page=1", """
                {"id": "%1$s/c/town/outbox?page=1", "type": "OrderedCollectionPage", "next": "%1$s/c/town/outbox?page=2",
                 "orderedItems": [
                   {"type": "Announce", "actor": "%1$s/c/town", "object": "%1$s/p/1"},
                   {"type": "Create", "actor": "%1$s/c/town", "object": {"id": "%1$s/p/2", "type": "Note"}},
                   {"type": "Announce", "actor": "%1$s/u/someone-else", "object": "%1$s/p/3"},
                   {"type": "Like", "actor": "%1$s/c/town", "object": "%1$s/p/4"},
                   "%1$s/activities/5", 42, null, {"type": "Announce", "actor": "%1$s/c/town", "object": {}},
                   {"type": "Announce", "actor": "%1$s/c/town", "object": "%1$s/p/1"}]}""".formatted(url("")));
        // Page 2 names itself as the next page: Weft must stop after its page limit, not loop.
        serve("/c/town/outbox", "?page=2", """
                {"id": "%1$s/c/town/outbox?page=2", "type": "OrderedCollectionPage", "next": "%1$s/c/town/outbox?page=2",
                 "orderedItems": [{"type": "Announce", "actor": "%1$s/c/town", "object": "%1$s/p/6"}]}"""
                .formatted(url("")));

        int seen = backfill((community, post) -> {
            taken.add(post);
            if (post.endsWith("/p/2")) {
                throw new IgnoredPost("not a proposal");
            }
        });

        assertEquals(List.of(url("/p/1"), url("/p/2"), url("/p/6")), taken);
        assertEquals(3, seen);
        int pageTwoReads = remote.findAll(getRequestedFor(urlPathEqualTo("/c/town/outbox"))).stream()
                .filter(r -> r.getUrl().endsWith("page=2")).toList().size();
        assertEquals(LinkBackfill.MAX_PAGES - 1, pageTwoReads, "page 1 and then page 2 until the page limit");
    }

    @Test
    void atMostOneHundredPostsAreTaken() throws Exception {
        serveCommunity(url("/c/town/outbox?page=1"));
        String items = String.join(",", IntStream.range(0, 150).mapToObj(i ->
                "{\"type\": \"Announce\", \"actor\": \"%1$s/c/town\", \"object\": \"%1$s/p/%2$d\"}".formatted(url(""), i))
                .toList());
        serve("/c/town/outbox", "?page=1", """
                {"id": "%s/c/town/outbox?page=1", "type": "OrderedCollectionPage", "orderedItems": [%s]}"""
                .formatted(url(""), items));

        assertEquals(LinkBackfill.MAX_POSTS, backfill((community, post) -> taken.add(post)));
        assertEquals(LinkBackfill.MAX_POSTS, taken.size());
        assertEquals(url("/p/0"), taken.get(0), "newest first, as the outbox lists them");
    }

    @Test
    void anOutboxThatCannotBeReadTakesNothing() throws Exception {
        serveCommunity(url("/c/town/outbox?page=1"));
        remote.stubFor(get(urlPathEqualTo("/c/town/outbox")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/activity+json").withBody("{not json")));
        assertEquals(0, backfill((community, post) -> taken.add(post)));
        assertTrue(taken.isEmpty());
    }

    @Test
    void aCommunityOnAPrivateAddressIsNotReadWhenTheGuardIsOn() throws Exception {
        serveCommunity(url("/c/town/outbox?page=1"));
        try (ActivityPubClient guarded = ActivityPubClient.builder("Weft/test").addressCheck(new AddressGuard(false)).build();
             LinkBackfill backfill = new LinkBackfill(guarded, (community, post) -> taken.add(post))) {
            assertEquals(0, backfill.linked(url("/c/town")).get(20, TimeUnit.SECONDS));
        }
        assertTrue(taken.isEmpty());
        assertTrue(remote.getAllServeEvents().isEmpty(), "nothing was requested from the private address");
    }

    private int backfill(LinkBackfill.Boosts boosts) throws Exception {
        try (LinkBackfill backfill = new LinkBackfill(client, boosts)) {
            return backfill.linked(url("/c/town")).get(20, TimeUnit.SECONDS);
        }
    }

    private void serveCommunity(String firstPage) {
        serve("/c/town", "", """
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "%1$s/c/town", "type": "Group",
                 "inbox": "%1$s/c/town/inbox", "outbox": "%1$s/c/town/outbox"}""".formatted(url("")));
        remote.stubFor(get(urlPathEqualTo("/c/town/outbox")).atPriority(10).willReturn(json("""
                {"id": "%s/c/town/outbox", "type": "OrderedCollection", "totalItems": 3, "first": "%s"}"""
                .formatted(url(""), firstPage))));
    }

    private void serve(String path, String query, String body) {
        var mapping = get(urlPathEqualTo(path));
        if (!query.isEmpty()) {
            String[] pair = query.substring(1).split("=", 2);
            mapping = mapping.withQueryParam(pair[0], com.github.tomakehurst.wiremock.client.WireMock.equalTo(pair[1]));
        }
        remote.stubFor(mapping.atPriority(1).willReturn(json(body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/activity+json").withBody(body);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + remote.port() + path;
    }
}
