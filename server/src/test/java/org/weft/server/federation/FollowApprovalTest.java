package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.RemoteFollows;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * A community (or a member) that requires approval: a follow from Mastodon waits, with no Accept sent, until a
 * moderator approves it on the followers page; someone who does not moderate cannot decide; a rejected follow gets
 * Reject and is gone; turning approval off accepts those still waiting. A member approves their own followers on
 * their account's page, and a follower she removes is sent nothing of hers afterwards.
 */
class FollowApprovalTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void aFollowOfACommunityThatRequiresApprovalWaitsForAModerator() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer m1 = new MastodonPeer(weft.base());
             MastodonPeer m2 = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block5", "Block 5", null);
            weft.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            weft.server().localActors().createMember("dina", "Dina", PASSWORD, false);
            weft.server().moderators().add("block5", "amina", Optional.empty());
            String group = weft.base() + "/groups/block5";

            PageClient moderator = new PageClient(weft.base());
            moderator.login("amina", PASSWORD);
            String page = "/moderate/block5/followers";
            assertEquals(303, moderator.submit(page, page + "/approval", Map.of("required", "on")).statusCode());
            assertTrue(TestHttp.activityJson(group).path("manuallyApprovesFollowers").asBoolean(),
                    "the Group tells other servers that follows wait (Mastodon shows a follow request)");
            assertTrue(TestHttp.get(group, "text/html").body().contains("Follows wait for a moderator’s approval."));

            String rosa = m1.rosa();
            String tom = m1.serveUser("tom");
            String eve = m2.rosa();
            String rosaFollow = RemoteFollows.follow(weft, m1, rosa, group);
            RemoteFollows.follow(weft, m1, tom, group);
            String eveFollow = RemoteFollows.follow(weft, m2, eve, group);
            assertEquals(FollowEntity.State.PENDING, state(weft, rosa, group));
            WaitFor.deliveriesDrained(weft);
            assertTrue(m1.inboxPosts().isEmpty() && m2.inboxPosts().isEmpty(), "no Accept before a moderator decides");
            String waiting = moderator.get(page).body();
            assertTrue(waiting.contains("@rosa@") && waiting.contains("@tom@") && waiting.contains("Waiting for approval"));

            // Dina moderates nothing: her decision is refused and changes nothing.
            PageClient member = new PageClient(weft.base());
            member.login("dina", PASSWORD);
            HttpResponse<String> refused = member.submit("/account", page + "/decide", Map.of("follower", rosa,
                    "decision", "approve"));
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("Only this community’s moderators can do that."));
            assertEquals(403, member.get(page).statusCode());
            assertEquals(FollowEntity.State.PENDING, state(weft, rosa, group));

            // Amina approves rosa: the Accept embeds rosa's Follow; rosa is approved for community-only posts.
            assertEquals(303, moderator.submit(page, page + "/decide", Map.of("follower", rosa, "decision", "approve"))
                    .statusCode());
            WaitFor.deliveriesDrained(weft);
            JsonNode accept = TestHttp.json(m1.inboxPosts().get(0).getBodyAsString());
            assertEquals("Accept", accept.path("type").asText());
            assertEquals(rosaFollow, accept.path("object").path("id").asText());
            assertEquals(FollowEntity.State.ACCEPTED, state(weft, rosa, group));
            assertTrue(approved(weft, rosa, group));

            // Eve is rejected: Reject of her Follow, and no follow is kept.
            // Rejecting asks first; the confirmation page sends the same form again with its one-time token.
            HttpResponse<String> asked = moderator.submit(page, page + "/decide", Map.of("follower", eve, "decision", "reject"));
            assertEquals(200, asked.statusCode());
            assertTrue(asked.body().contains("Reject this follow?"), asked.body());
            assertEquals(303, moderator.post(page + "/decide", PageClient.hiddenFields(asked.body(), page + "/decide"))
                    .statusCode());
            WaitFor.deliveriesDrained(weft);
            JsonNode reject = TestHttp.json(m2.inboxPosts().get(0).getBodyAsString());
            assertEquals("Reject", reject.path("type").asText());
            assertEquals(eveFollow, reject.path("object").path("id").asText());
            assertEquals(null, state(weft, eve, group));
            assertEquals(400, moderator.submit(page, page + "/decide", Map.of("follower", eve, "decision", "approve"))
                    .statusCode(), "a decision on someone no longer following is refused");

            // Approval off asks first: asking accepts nobody.
            HttpResponse<String> askedOff = moderator.submit(page, page + "/approval", Map.of("required", "off"));
            assertEquals(200, askedOff.statusCode());
            assertTrue(askedOff.body().contains(Messages.forLanguage("en").get("confirm.approvalOff")), askedOff.body());
            assertEquals(FollowEntity.State.PENDING, state(weft, tom, group), "asking accepts nobody");
            assertTrue(TestHttp.activityJson(group).path("manuallyApprovesFollowers").asBoolean(), "nor turns it off");
            // Confirmed: tom, still waiting, is accepted, and may read public posts only.
            assertEquals(303, moderator.submit(page, page + "/approval", Map.of("required", "off", "confirm", "yes"))
                    .statusCode());
            WaitFor.deliveriesDrained(weft);
            assertEquals(FollowEntity.State.ACCEPTED, state(weft, tom, group));
            assertFalse(approved(weft, tom, group), "accepted because approval was turned off, not approved");
            assertTrue(approved(weft, rosa, group), "those approved before stay approved");
            assertFalse(TestHttp.activityJson(group).path("manuallyApprovesFollowers").asBoolean());
            List<String> types = m1.inboxPosts().stream().map(r -> TestHttp.json(r.getBodyAsString()).path("type").asText())
                    .toList();
            assertTrue(types.contains("Update"), "followers' servers are told of the change: " + types);
            assertEquals(2, types.stream().filter("Accept"::equals).count(), types.toString());
        }
    }

    @Test
    void aMemberApprovesTheirOwnFollowersOnTheirAccountPage() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createMember("zoe", "Zoe", PASSWORD, true);
            String zoe = weft.base() + "/users/zoe";
            RemoteFollows.follow(weft, mastodon, mastodon.rosa(), zoe);
            assertEquals(FollowEntity.State.PENDING, state(weft, mastodon.rosa(), zoe));

            PageClient browser = new PageClient(weft.base());
            browser.login("zoe", PASSWORD);
            assertTrue(browser.get("/account").body().contains("href=\"/account/followers\""));
            String page = browser.get("/account/followers").body();
            assertTrue(page.contains("@rosa@") && page.contains("New follows wait for approval."), page);
            assertEquals(303, browser.submit("/account/followers", "/account/followers/decide",
                    Map.of("follower", mastodon.rosa(), "decision", "approve")).statusCode());
            WaitFor.deliveriesDrained(weft);
            assertEquals("Accept", TestHttp.json(mastodon.inboxPosts().get(0).getBodyAsString()).path("type").asText());
            assertEquals(FollowEntity.State.ACCEPTED, state(weft, mastodon.rosa(), zoe));

            // Zoe's offers under her name reach rosa while rosa follows her.
            weft.server().localActors().createGroup("block9", "Block 9", null);
            offer(weft, "Spare bread");
            WaitFor.deliveriesDrained(weft);
            JsonNode create = TestHttp.json(mastodon.inboxPosts().get(0).getBodyAsString());
            assertEquals("Create", create.path("type").asText());
            assertEquals(zoe, create.path("actor").asText());

            // Removing asks first on a page of its own; only the confirmation removes her.
            HttpResponse<String> asked = browser.submit("/account/followers", "/account/followers/decide",
                    Map.of("follower", mastodon.rosa(), "decision", "remove"));
            assertEquals(200, asked.statusCode());
            assertTrue(asked.body().contains("Remove this follower?"), asked.body());
            assertEquals(FollowEntity.State.ACCEPTED, state(weft, mastodon.rosa(), zoe), "asking changes nothing");
            assertEquals(303, browser.post("/account/followers/decide",
                    PageClient.hiddenFields(asked.body(), "/account/followers/decide")).statusCode());
            WaitFor.deliveriesDrained(weft);
            assertEquals("Reject", TestHttp.json(mastodon.inboxPosts().get(0).getBodyAsString()).path("type").asText());
            assertEquals(null, state(weft, mastodon.rosa(), zoe));

            // After the removal, her next offer is delivered nowhere on rosa's server.
            int afterRemoval = mastodon.inboxPosts().size();
            offer(weft, "Spare rice");
            WaitFor.deliveriesDrained(weft);
            assertEquals(afterRemoval, mastodon.inboxPosts().size(), "nothing reaches a removed follower");
        }
    }

    private static void offer(TestServers.Instance weft, String title) {
        weft.server().proposals().service().create("zoe", ProposalDraft.builder().community("block9")
                .purpose(Purpose.OFFER).title(title).description("Ask me.").categories("bread")
                .audience(Audience.PUBLIC).build());
    }

    private static FollowEntity.State state(TestServers.Instance weft, String follower, String followee) {
        return weft.server().db().inTransaction(s -> ActorRepository.byUri(s, follower).flatMap(a ->
                FollowRepository.between(s, a, ActorRepository.byUri(s, followee).orElseThrow()))
                .map(FollowEntity::getState).orElse(null));
    }

    private static boolean approved(TestServers.Instance weft, String follower, String followee) {
        return weft.server().db().<Boolean>inTransaction(s -> FollowRepository.isApproved(s, FollowRepository.between(s,
                ActorRepository.byUri(s, follower).orElseThrow(), ActorRepository.byUri(s, followee).orElseThrow())
                .orElseThrow()));
    }
}
