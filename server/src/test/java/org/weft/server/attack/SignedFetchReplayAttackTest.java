package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * A community-only request is served as JSON only to a signed fetch from a server that hosts an approved follower of the
 * community. Someone who captured such a fetch (a proxy's log, a careless relay) cannot use it again, nor use
 * one made for another server: the copy is answered like an unsigned fetch, 404. Public documents do not depend
 * on signatures and stay readable to anyone.
 */
class SignedFetchReplayAttackTest {

    @Test
    void aCapturedSignedFetchReadsTheCommunityOnlyRequestOnce() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            weft.server().localActors().createMember("nadia", "Nadia", "a long enough password", false);
            String group = weft.base() + "/groups/block3";
            assertEquals(202, AttackRequest.post(URI.create(weft.base() + "/inbox"),
                    mastodon.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina", group))
                    .signedBy(mastodon).send().status());
            WaitFor.condition("rosa's follow is accepted", () -> !mastodon.inboxPosts().isEmpty());
            weft.server().followers().approve("block3", mastodon.rosa()); // community-only posts are for approved followers
            ProposalEntity formula = weft.server().proposals().service().create("nadia", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.REQUEST).title("Need baby formula").description("Thank you.")
                    .categories("bread").audience(Audience.COMMUNITY).build());
            WaitFor.condition("the Create reached rosa's server", () -> mastodon.inboxPosts().size() == 2);
            URI note = URI.create(formula.getUri());

            AttackRequest fetch = AttackRequest.get(note).signedBy(mastodon);
            RawHttp.Response first = fetch.send();
            assertEquals(200, first.status(), first.body());
            assertTrue(first.body().contains("Need baby formula"));

            Refused.assertRefused(weft, fetch::send, 404, null);
            AttackRequest madeForElsewhere = AttackRequest.get(note).signedBy(mastodon).host("camp.elsewhere.example");
            Refused.assertRefused(weft, () -> madeForElsewhere.sendTo(weft.server().port()), 404, null);

            AttackRequest publicDocument = AttackRequest.get(URI.create(group)).signedBy(mastodon);
            assertEquals(200, publicDocument.send().status());
            assertEquals(200, publicDocument.send().status(), "a public document is served whatever the signature");
            assertEquals(404, TestHttp.get(note.toString(), "application/activity+json").statusCode(), "unsigned: 404");
        }
    }
}
