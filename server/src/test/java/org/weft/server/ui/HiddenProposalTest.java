package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.attack.AttackRequest;
import org.weft.server.attack.RawHttp;
import org.weft.server.domain.account.Operators;
import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.RemoteFollows;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * A post a moderator hid after a report is gone from its own address for everyone but the community's moderators and
 * its author, as the confirmation promised: bob reported amina's offer and olga, an operator, hid it. A visitor, bob
 * and a Mastodon server asking for the Note all get what an address that never was answers (the 404 page in the
 * reader's language; 404 in JSON); bob's respond form is refused and stores nothing, and a Mastodon reply to it is not
 * made a response; amina still opens it (what she is told there: HiddenPostAuthorTest) but may not change it; rosa,
 * who follows the community from Mastodon, has her server told to delete its copy. Olga still opens it, told that it
 * is hidden, with no respond form, so she can review it, and only she may show it again: then it is everyone's here
 * again, and the public log says so.
 */
class HiddenProposalTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void aHiddenPostIsGoneForEveryoneButTheModeratorsAndItsAuthor() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            RemoteFollows.follow(weft, rosa, rosa.rosa(), weft.base() + "/groups/block3");
            ApiClient api = ApiClient.newMember(weft, "amina", "Amina");
            JsonNode offer = expect(201, api.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Fresh bread every morning",
                     "categories": ["kitchenware"], "kind": "gift"}"""));
            String uri = offer.path("uri").asText();
            String page = URI.create(uri).getPath();
            WaitFor.condition("rosa's timeline got the offer", () -> !activitiesAbout(rosa, uri, "Announce").isEmpty());
            weft.server().localActors().createMember("bob", "Bob", PASSWORD, false);
            PageClient bob = new PageClient(weft.base());
            bob.login("bob", PASSWORD);
            String before = bob.get(page).body();
            Map<String, String> respondForm = new HashMap<>(PageClient.hiddenFields(before, page + "/respond"));
            respondForm.put("text", "Could I have a loaf on Friday?");
            Map<String, String> reportForm = new HashMap<>(PageClient.hiddenFields(before, "/report"));
            reportForm.put("comment", "Sells the bread, it is not a gift");
            assertEquals(303, bob.post("/report", reportForm).statusCode());

            weft.server().localActors().createMember("olga", "Olga", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            PageClient olga = new PageClient(weft.base());
            olga.login("olga", PASSWORD);
            long reportId = weft.server().safety().reports().all(1).get(0).getId();
            HttpResponse<String> asked = olga.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "hide", "reason", "Not a gift"));
            assertTrue(asked.body().contains("Hide the reported posts?") && asked.body().contains("they match nothing"),
                    "a board post's wording: " + asked.body());
            assertEquals(303, olga.post("/moderate/reports/" + reportId,
                    PageClient.hiddenFields(asked.body(), "/moderate/reports/" + reportId)).statusCode());

            // rosa follows the community from Mastodon: her server is told to delete its copy, as a moderator's
            // removal on Mastodon does, or the post would stay in her timeline.
            WaitFor.condition("rosa's server was told to delete the hidden offer",
                    () -> !activitiesAbout(rosa, uri, "Delete").isEmpty());

            HttpResponse<String> visitor = new PageClient(weft.base()).language("fr").get(page);
            assertEquals(404, visitor.statusCode(), "a visitor");
            assertTrue(visitor.body().contains("Introuvable") && !visitor.body().contains("Fresh bread"), visitor.body());
            HttpResponse<String> member = bob.get(page);
            assertEquals(404, member.statusCode(), "another member");
            assertFalse(member.body().contains("Fresh bread"), member.body());
            // Its author reads it, told why (HiddenPostAuthorTest), but may not change it: an edit would send her
            // followers' servers an Update of a post they deleted.
            assertEquals(200, loggedIn(weft, "amina").get(page).statusCode(), "its author");
            long proposalId = offer.path("id").asLong();
            long sentBefore = activitiesSent(weft);
            assertEquals(404, loggedIn(weft, "amina").get(page + "/edit").statusCode(), "the edit form");
            assertEquals(404, api.patch("/proposals/" + proposalId, "{\"title\": \"Bread, cheap\"}").statusCode());
            assertEquals(404, api.post("/proposals/" + proposalId + "/status", "{\"status\": \"promised\"}").statusCode());
            assertEquals(404, api.post("/proposals/" + proposalId + "/renew", "{}").statusCode());
            // What goes out is stored with the change, in its transaction: nothing stored is nothing sent.
            assertEquals(sentBefore, activitiesSent(weft), "no activity for the refused changes");
            RawHttp.Response signed = AttackRequest.get(URI.create(uri)).signedBy(rosa).send();
            assertEquals(404, signed.status(), "a signed fetch from another server: " + signed.body());
            assertFalse(signed.body().contains("Fresh bread"), signed.body());
            assertEquals(404, TestHttp.get(uri, "application/activity+json").statusCode(), "an unsigned fetch");
            assertEquals(404, TestHttp.get(uri + "/replies", "application/activity+json").statusCode(), "its replies");

            // bob's form, filled in before the hide, is refused as for a post that is not there; nothing is kept.
            HttpResponse<String> responded = bob.post(page + "/respond", respondForm);
            assertEquals(404, responded.statusCode(), responded.body());
            assertTrue(responded.body().contains("There is nothing here, or it was removed."), responded.body());
            // A reply from Mastodon is not made a response to it either.
            String reply = rosa.fixture("mastodon/create-note-reply.json").replace(weft.base() + "/proposals/7f3c9a", uri);
            assertEquals(202, rosa.deliver(URI.create(weft.base() + "/inbox"), reply).statusCode());
            InboundActivityEntity done = WaitFor.inboundDone(weft, TestHttp.json(reply).path("id").asText());
            assertEquals(InboundActivityEntity.State.DONE, done.getState(), String.valueOf(done.getLastError()));
            assertEquals(0, expect(200, api.get("/proposals/" + offer.path("id").asLong() + "/responses"))
                    .path("items").size(), "no response was kept");

            // The moderator still reads it, to review what was hidden, and is told nobody else does.
            HttpResponse<String> moderator = olga.get(page);
            assertEquals(200, moderator.statusCode(), moderator.body());
            assertTrue(moderator.body().contains("Fresh bread every morning")
                    && moderator.body().contains("A moderator hid this post."), moderator.body());
            assertFalse(moderator.body().contains(page + "/respond"), "nobody answers a hidden post");

            // Only a moderator may undo the hide: bob is refused and it stays hidden.
            String showAgain = "/moderate/hidden-posts/show";
            String proposalNumber = offer.path("id").asText();
            assertEquals(403, bob.submit("/me/proposals", showAgain, Map.of("proposal", proposalNumber)).statusCode());
            assertEquals(404, new PageClient(weft.base()).get(page).statusCode(), "still hidden");
            Map<String, String> showForm = PageClient.hiddenFields(moderator.body(), showAgain);
            assertEquals(proposalNumber, showForm.get("proposal"));
            HttpResponse<String> shown = olga.post(showAgain, showForm);
            assertEquals(303, shown.statusCode(), shown.body());
            assertEquals(page, shown.headers().firstValue("Location").orElseThrow());

            // Shown again, it is everyone's again: the visitor, bob (who may answer it now), its author, other servers.
            assertTrue(new PageClient(weft.base()).get(page).body().contains("Fresh bread every morning"), "a visitor");
            String again = bob.get(page).body();
            assertTrue(again.contains("Fresh bread every morning") && again.contains(page + "/respond"), again);
            assertFalse(again.contains("A moderator hid this post."), again);
            assertEquals(200, loggedIn(weft, "amina").get(page).statusCode(), "its author");
            assertEquals(200, AttackRequest.get(URI.create(uri)).signedBy(rosa).send().status(), "a signed fetch");
            assertEquals(303, bob.submit(page, page + "/respond", Map.of("text", "Could I have a loaf on Friday?"))
                    .statusCode());
            String log = new PageClient(weft.base()).get("/moderation-log/block3").body();
            assertTrue(log.contains("Post hidden") && log.contains("Post shown again"), log);
        }
    }

    private static long activitiesSent(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from OutboundActivityEntity", Long.class).getSingleResult());
    }

    /** The activities of {@code type} that Weft delivered to rosa's server about the post {@code uri}. */
    private static List<JsonNode> activitiesAbout(MastodonPeer rosa, String uri, String type) {
        return rosa.acceptedInboxPosts().stream().map(r -> TestHttp.json(r.getBodyAsString()))
                .filter(a -> a.path("type").asText().equals(type))
                .filter(a -> a.path("object").isTextual() ? a.path("object").asText().equals(uri)
                        : a.path("object").path("id").asText().equals(uri))
                .toList();
    }

        private static PageClient loggedIn(TestServers.Instance weft, String username) {
        PageClient client = new PageClient(weft.base());
        client.login(username, PASSWORD);
        return client;
    }
}
