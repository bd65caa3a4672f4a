package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.RemoteFollows;
import org.weft.server.testing.TestServers;

/**
 * Issue 13 item 7: help the taxonomy marks as sensitive (childcare, health, money, a place to stay…) starts as
 * community only, posted by the community, for offers as for requests; the member can change it; the form and the
 * proposal page carry a short safety note in the reader's language, and say who will see the post, with numbers.
 */
class SensitiveHelpTest {
    private static final String PASSWORD = "a long enough password";
    private static final Pattern CHECKED = Pattern.compile("name=\"audience\" value=\"([A-Z]+)\" checked");
    private static TestServers.Instance weft;
    private static MastodonPeer mastodon;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        mastodon = new MastodonPeer(weft.base());
        weft.server().localActors().createGroup("block3", "Block 3", null);
        weft.server().localActors().createMember("nadia", "Nadia", PASSWORD, false);
        weft.server().localActors().createMember("omar", "Omar", PASSWORD, false);
        // Two followers on one server, one of them approved: the numbers the pages give come from here.
        String group = weft.base() + "/groups/block3";
        RemoteFollows.follow(weft, mastodon, mastodon.rosa(), group);
        RemoteFollows.follow(weft, mastodon, mastodon.serveUser("tom"), group);
        weft.server().followers().approve("block3", mastodon.rosa());
    }

    @AfterAll
    static void stop() {
        mastodon.close();
        weft.close();
    }

    @Test
    void theServiceDefaultsSensitiveHelpToCommunityOnlyAndKeepsAnExplicitChoice() {
        assertEquals(Audience.COMMUNITY, create(Purpose.OFFER, "medicine", null).getAudience(), "an offer of medicine");
        assertEquals(Audience.COMMUNITY, create(Purpose.OFFER, "babysitting", null).getAudience(), "narrower inherits");
        assertEquals(Audience.PUBLIC, create(Purpose.OFFER, "bread", null).getAudience(), "other offers stay public");
        assertEquals(Audience.COMMUNITY, create(Purpose.REQUEST, "small-loans", null).getAudience());
        ProposalEntity request = create(Purpose.REQUEST, "small-loans", null);
        assertEquals(weft.base() + "/groups/block3", request.getAttributedTo().getUri(),
                "a sensitive request is posted by the community: the member is anonymous outside");
        assertEquals(Audience.PUBLIC, create(Purpose.OFFER, "medicine", Audience.PUBLIC).getAudience(),
                "the member can choose otherwise");
    }

    @Test
    void theFormStartsCommunityOnlyWithTheSafetyNoteAndSaysWhoWillSeeIt() {
        PageClient browser = new PageClient(weft.base());
        browser.login("nadia", PASSWORD);
        String form = browser.get("/new?purpose=offer&category=childcare&community=block3").body();
        assertEquals(List.of("COMMUNITY"), checked(form));
        assertTrue(form.contains("Meet in a public place or with someone you trust."), "the safety note");
        // Two members here; one approved follower (rosa) on one server; two followers in all for public posts.
        assertTrue(form.contains("Only 2 members of this server and 1 approved follower on 1 server"), form);
        assertTrue(form.contains("the community shares it with its 2 followers"), form);

        String plain = browser.get("/new?purpose=offer&category=bread").body();
        assertEquals(List.of("PUBLIC"), checked(plain));
        assertFalse(plain.contains("Meet in a public place"), "no note for ordinary help");

        String arabic = browser.language("ar").get("/new?purpose=request&category=health").body();
        assertTrue(arabic.contains("التقِ في مكان عام أو برفقة شخص تثق به."), "the note in Arabic");
        assertTrue(arabic.contains("فقط عضوان في هذا الخادم ومتابع معتمد واحد على خادم واحد"), arabic);
    }

    @Test
    void aModeratorIsToldWhoCommunityOnlyPostsReachNotThatTheyPostUnderNoName() {
        weft.server().moderators().add("block3", "nadia", Optional.empty());
        PageClient browser = new PageClient(weft.base());
        browser.login("nadia", PASSWORD);
        for (String page : List.of("/moderate/block3", "/moderate/block3/followers")) {
            String html = browser.get(page).body();
            assertTrue(html.contains("Community-only posts reach only 2 members of this server and 1 approved follower"
                    + " on 1 server."), page + ": " + html);
            assertFalse(html.contains("never under your name"), "a sentence for someone posting: " + html);
            String arabic = browser.language("ar").get(page).body();
            browser.language("en");
            assertTrue(arabic.contains("لا يرى منشورات المجتمع الخاصة إلا عضوان في هذا الخادم"
                    + " ومتابع معتمد واحد على خادم واحد."), page + ": " + arabic);
        }
    }

    @Test
    void aSensitiveOfferPostedPublicComesBackOnceAsCommunityOnlyAndTheMemberMayKeepPublic() {
        PageClient browser = new PageClient(weft.base());
        browser.login("omar", PASSWORD);
        long before = count();
        Map<String, String> fields = new HashMap<>(Map.of("purpose", "offer", "community", "block3",
                "title", "Can look after two children", "description", "Weekday afternoons.", "category", "babysitting",
                "kind", "GIFT", "audience", "PUBLIC"));
        HttpResponse<String> back = browser.submit("/new?purpose=offer", "/new", fields);
        assertEquals(200, back.statusCode());
        assertEquals(before, count(), "nothing is published before the member has seen the defaults");
        assertTrue(back.body().contains("Babysitting is sensitive help, so this post is set to community only"), back.body());
        assertEquals(List.of("COMMUNITY"), checked(back.body()));
        assertTrue(back.body().contains("value=\"Can look after two children\""), "what was typed is kept");
        assertTrue(back.body().contains("name=\"reviewed\" value=\"babysitting\""));

        // The member chooses public after all: published as chosen.
        fields.put("reviewed", "babysitting");
        HttpResponse<String> published = browser.submit("/new?purpose=offer", "/new", fields);
        assertEquals(303, published.statusCode(), published.body());
        assertEquals(before + 1, count());
        ProposalEntity p = weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "from ProposalEntity order by id desc", ProposalEntity.class).setMaxResults(1).getSingleResult());
        assertEquals(Audience.PUBLIC, p.getAudience());

        // Its page carries the note; for a member it says who sees it.
        String page = browser.get(p.getUri().substring(weft.base().length())).body();
        assertTrue(page.contains("Meet in a public place or with someone you trust."));
        assertTrue(page.contains("Anyone on the web and the fediverse, under your name"), page);
    }

    private static List<String> checked(String html) {
        Matcher m = CHECKED.matcher(html.replaceAll("\\s+", " "));
        List<String> result = new java.util.ArrayList<>();
        while (m.find()) {
            result.add(m.group(1));
        }
        return result;
    }

    private static long count() {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from ProposalEntity", Long.class)
                .getSingleResult());
    }

    private static ProposalEntity create(Purpose purpose, String category, Audience audience) {
        return weft.server().proposals().service().create("nadia", ProposalDraft.builder().community("block3")
                .purpose(purpose).title("Something " + category).description("Ask me.").categories(category)
                .audience(audience).build());
    }
}
