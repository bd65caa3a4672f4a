package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * A member who linked their own fediverse account and asks anonymously: the match of the anonymous request is told
 * here only, and nothing about it reaches that account's server, which would learn who asked; the match of the same
 * member's public request still reaches it there. A match with someone else's proposal for the community's members
 * only is not sent there either: its words stay among the members (her own members-only request's match is: her words,
 * her account). The account page says so next to the setting.
 */
class AnonymousMatchMessagesTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void anAnonymousRequestsMatchIsNotSentToTheMembersFediverseAccount() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("camp", "Camp Board", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient.newMember(weft, "boris", "Boris");
            expect(200, amina.send("PUT", "/me/fediverse-account", ApiClient.JSON,
                    ("{\"account\": \"" + mastodon.rosa() + "\"}").getBytes(StandardCharsets.UTF_8)));

            long before = weft.server().matching().matcher().applied();
            ProposalEntity pram = propose(weft, "amina", Purpose.REQUEST, "We need a pram quietly", "prams",
                    Audience.ANONYMOUS);
            propose(weft, "boris", Purpose.OFFER, "A pram to give", "prams", Audience.PUBLIC);
            WaitFor.condition("both are matched", () -> weft.server().matching().matcher().applied() >= before + 2);
            JsonNode items = expect(200, amina.get("/me/notifications")).path("items");
            assertTrue(StreamSupport.stream(items.spliterator(), false).anyMatch(n -> "match".equals(n.path("kind")
                    .asText()) && n.path("proposalId").asLong() == pram.getId()), "told here: " + items);
            WaitFor.deliveriesDrained(weft);
            assertEquals(List.of(), creates(mastodon), "nothing reaches her fediverse account");

            // Her public request's match is sent there: the account is linked and messages do arrive.
            propose(weft, "amina", Purpose.REQUEST, "We need blankets", "bedding", Audience.PUBLIC);
            propose(weft, "boris", Purpose.OFFER, "Blankets to give", "bedding", Audience.PUBLIC);
            WaitFor.condition("the blankets' match reaches her Mastodon account", () -> creates(mastodon).stream()
                    .anyMatch(c -> c.contains("We need blankets")));
            WaitFor.deliveriesDrained(weft);
            assertTrue(creates(mastodon).stream().noneMatch(c -> c.contains("pram")), creates(mastodon).toString());

            // Members-only proposals: another's matching her public request, and hers matching a public offer.
            propose(weft, "amina", Purpose.REQUEST, "We need bunk beds", "furniture", Audience.PUBLIC);
            propose(weft, "boris", Purpose.OFFER, "Bunk beds from the storeroom", "furniture", Audience.COMMUNITY);
            propose(weft, "amina", Purpose.REQUEST, "We need baby food for the clinic", "baby-food", Audience.COMMUNITY);
            propose(weft, "boris", Purpose.OFFER, "Baby food to give", "baby-food", Audience.PUBLIC);
            WaitFor.condition("four matches told here: pram, blankets, bunk beds, baby food", () -> StreamSupport.stream(
                    expect(200, amina.get("/me/notifications?size=50")).path("items").spliterator(), false)
                    .filter(n -> "match".equals(n.path("kind").asText())).count() == 4);
            WaitFor.condition("her own members-only request's match reaches her account", () -> creates(mastodon)
                    .stream().anyMatch(c -> c.contains("We need baby food")));
            WaitFor.deliveriesDrained(weft);
            assertTrue(creates(mastodon).stream().noneMatch(c -> c.contains("unk beds")), creates(mastodon).toString());

            // Where she links the account, she is told.
            PageClient page = new PageClient(weft.base());
            page.login("amina", PASSWORD);
            String account = page.get("/account").body();
            assertTrue(account.contains(Messages.forLanguage("en").get("account.fediverseAnonymous")), account);
            assertTrue(account.contains(Messages.forLanguage("en").get("account.fediverseMembersOnly")), account);
        }
    }

    private static ProposalEntity propose(TestServers.Instance weft, String member, Purpose purpose, String title,
                                          String category, Audience audience) {
        return weft.server().proposals().service().create(member, ProposalDraft.builder().community("camp")
                .purpose(purpose).language("en").title(title).categories(category).audience(audience).build());
    }

    /** The content of each Create the Mastodon server received. */
    private static List<String> creates(MastodonPeer mastodon) {
        return mastodon.inboxPosts().stream().map(r -> TestHttp.json(r.getBodyAsString()))
                .filter(j -> "Create".equals(j.path("type").asText()))
                .map(j -> j.path("object").path("content").asText()).toList();
    }
}
