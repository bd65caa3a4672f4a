package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * The hashtag links in federated posts lead to {@code /tags/{tag}}: a category's tag lists that category and the ones
 * below it, the purpose tags list offers or requests, community-only and closed proposals stay off it, a post from
 * an account or server its community blocked stays off it as its page does, and a tag Weft does not use is a 404.
 */
class TagPageTest {
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp", null);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        post(Purpose.OFFER, "Fresh bread every morning", "bread", Audience.PUBLIC);
        post(Purpose.REQUEST, "Formula for a newborn", "baby-food", Audience.PUBLIC);
        post(Purpose.OFFER, "A pram to lend", "prams", Audience.PUBLIC);
        post(Purpose.OFFER, "Soup for the block only", "food", Audience.COMMUNITY);
        ProposalEntity gone = post(Purpose.OFFER, "Bread that was withdrawn", "bread", Audience.PUBLIC);
        weft.server().proposals().service().changeStatus("omar", gone.getId(), ProposalStatus.WITHDRAWN);
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void aCategoryTagListsThatCategoryAndNarrowerOnes() {
        HttpResponse<String> page = new PageClient(weft.base()).get("/tags/food");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("Fresh bread every morning"), html);
        assertTrue(html.contains("Formula for a newborn"), html);
        assertFalse(html.contains("A pram to lend"), "another category");
        assertFalse(html.contains("Soup for the block only"), "community-only proposals are not shown to visitors");
        assertFalse(html.contains("Bread that was withdrawn"), "only open and promised ones");
        assertTrue(html.contains("in the category “Food”"), html);
    }

    @Test
    void purposeTagsListOffersOrRequestsAndTagsFoldCase() {
        String offers = new PageClient(weft.base()).get("/tags/mutualaidoffer").body();
        assertTrue(offers.contains("Fresh bread every morning") && offers.contains("A pram to lend"), offers);
        assertFalse(offers.contains("Formula for a newborn"), offers);
        String requests = new PageClient(weft.base()).get("/tags/MutualAidRequest").body();
        assertTrue(requests.contains("Formula for a newborn"), requests);
        assertFalse(requests.contains("A pram to lend"), requests);
    }

    @Test
    void theTagPageSpeaksTheVisitorsLanguage() {
        String html = new PageClient(weft.base()).language("ar").get("/tags/bread").body();
        assertTrue(html.contains("dir=\"rtl\""), html);
        assertTrue(html.contains("«خبز»"), html);
        assertTrue(html.contains("Fresh bread every morning"), html);
    }

    @Test
    void aTagWeftDoesNotUseIsNotFound() {
        assertEquals(404, new PageClient(weft.base()).get("/tags/cats").statusCode());
        assertEquals(404, new PageClient(weft.base()).get("/tags/%3Cscript%3E").statusCode());
    }

    /**
     * Rosa on Mastodon follows Block 3 and posts a request for it: a visitor finds it on the tag pages, beside Omar's
     * request with the same tags. Block 3 blocks her account: her post is off the tag pages, as it is off the board and
     * its page answers 404, and Omar's stays; the block lifted, hers is back. Block 3 refuses her server: off again.
     */
    @Test
    void aPostFromAnAccountOrServerItsCommunityBlockedIsNotListed() throws Exception {
        try (TestServers.Instance a = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(a.base())) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("omar", "Omar", "omar-password", false);
            a.server().localActors().createMember("olga", "Olga", "olga-password", false);
            new Operators(a.server().db()).setAdmin("olga", true);
            long olga = a.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "olga")).orElseThrow()
                    .getId();
            a.server().proposals().service().create("omar", ProposalDraft.builder().community("block3")
                    .purpose(Purpose.REQUEST).language("en").title("Formula for a newborn").description("Formula")
                    .categories("baby-food").audience(Audience.PUBLIC).build());
            URI inbox = URI.create(a.base() + "/inbox");
            mastodon.deliver(inbox, mastodon.fixture("mastodon/follow.json")
                    .replace(a.base() + "/users/amina", a.base() + "/groups/block3"));
            WaitFor.condition("the follow is accepted", () -> mastodon.inboxPosts().stream()
                    .anyMatch(r -> r.getBodyAsString().contains("\"Accept\"")));
            String post = mastodon.fixture("mastodon/create-note-public.json");
            String postId = TestHttp.json(post).path("object").path("id").asText();
            assertEquals(202, mastodon.deliver(inbox, post).statusCode());
            long copy = WaitFor.value("Rosa's request is on the board", () -> a.server().db().inTransaction(s -> s
                    .createSelectionQuery("from ProposalEntity where uri = :u", ProposalEntity.class)
                    .setParameter("u", postId).uniqueResultOptional()
                    .filter(p -> p.getModeration() == ProposalEntity.Moderation.VISIBLE).map(ProposalEntity::getId)
                    .orElse(null)));
            String page = RemoteProposalPage.path(copy);
            PageClient visitor = new PageClient(a.base());
            assertListed(visitor, page, true);

            a.server().safety().accounts().blockForCommunity("block3", mastodon.rosa(), Optional.empty(), "Spam");
            assertEquals(404, visitor.get(page).statusCode(), "its page is not there");
            assertListed(visitor, page, false);

            a.server().safety().accounts().unblockForCommunity("block3", mastodon.rosa(), Optional.empty());
            assertListed(visitor, page, true);
            a.server().safety().servers().block(olga, "block3", URI.create(mastodon.origin()).getAuthority(), "Spam");
            assertEquals(404, visitor.get(page).statusCode(), "its page is not there");
            assertListed(visitor, page, false);
        }
    }

    /** Whether both tags of Rosa's request list it (its page linked); Omar's request stays on both either way. */
    private static void assertListed(PageClient visitor, String page, boolean listed) {
        for (String tag : new String[] {"/tags/MutualAidRequest", "/tags/food"}) {
            String html = visitor.get(tag).body();
            String says = tag + (listed ? " lists Rosa's request: " : " leaves out Rosa's request: ") + html;
            assertEquals(listed, html.contains("href=\"" + page + "\""), says);
            assertEquals(listed, html.contains("Veg boxes for"), says);
            assertTrue(html.contains("Formula for a newborn"), tag + " still lists Omar's request: " + html);
        }
    }

    private static ProposalEntity post(Purpose purpose, String title, String concept, Audience audience) {
        return weft.server().proposals().service().create("omar", ProposalDraft.builder().community("camp")
                .purpose(purpose).language("en").title(title).description(title).categories(concept)
                .audience(audience).build());
    }
}
