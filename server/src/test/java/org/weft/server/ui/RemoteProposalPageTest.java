package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.NotFoundException;
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
import org.weft.web.i18n.Messages;

/**
 * Answering from one's own instance, two real Weft instances linked both ways (A's Block 3 and B's Town): A's offer
 * held on B has a page on B, which B's board, tag pages and matches link; Bob, a member of B, answers it there, Amina on
 * A sees his response and is told, accepts with a hand-off, and Bob reads the hand-off in his conversation on B. An
 * empty answer keeps and sends nothing, and so does a second answer from Bob. A's community-only offer is read on B by B's members only.
 */
class RemoteProposalPageTest {
    private static final String PASSWORD = "a long enough password";
    private static final String HAND_OFF = "Behind the water point at 10, ask for the green tent";

    @Test
    void aMemberOfBAnswersAnOfferOfAFromBAndReadsTheHandOffThere() throws Exception {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            b.server().localActors().createGroup("town", "Town", null);
            b.server().localActors().createMember("bob", "Bob", PASSWORD, false);
            link(b, "town", a, "block3");
            link(a, "block3", b, "town"); // mutual, so A's community-only offers reach B's community too

            ProposalEntity bread = offer(a, "Fresh bread", Audience.PUBLIC);
            ProposalEntity cot = offer(a, "A cot for Block 3 only", Audience.COMMUNITY);
            long breadCopy = WaitFor.value("B keeps the bread offer", () -> copy(b, bread.getUri()));
            long cotCopy = WaitFor.value("B keeps the community-only offer", () -> copy(b, cot.getUri()));
            String page = "/remote-proposals/" + breadCopy;

            // B's visitors: the board and the tag page link the copy's page on B, which says where it comes from.
            PageClient visitor = new PageClient(b.base());
            for (String listing : new String[] {"/board/town", "/tags/MutualAidOffer"}) {
                String body = visitor.get(listing).body();
                assertTrue(body.contains("href=\"" + page + "\""), listing + " links the page on B: " + body);
                assertFalse(body.contains("href=\"" + bread.getUri() + "\""), listing + " no longer sends to A: " + body);
            }
            HttpResponse<String> shown = visitor.get(page);
            assertEquals(200, shown.statusCode());
            Messages en = Messages.forLanguage("en");
            assertTrue(shown.body().contains("Fresh bread") && shown.body().contains("href=\"" + bread.getUri() + "\"")
                    && shown.body().contains("@block3@" + a.domain()), shown.body());
            assertFalse(shown.body().contains(en.get("remoteProposal.respondTitle")), "no form for a visitor");
            assertEquals(404, visitor.get("/remote-proposals/" + cotCopy).statusCode(), "community-only: members only");
            assertEquals(404, visitor.get("/remote-proposals/999999").statusCode());

            PageClient bob = new PageClient(b.base());
            bob.login("bob", PASSWORD);
            assertTrue(bob.get("/board/town").body().contains("href=\"/remote-proposals/" + cotCopy + "\""));
            String quiet = bob.get("/remote-proposals/" + cotCopy).body();
            assertTrue(quiet.contains("A cot for Block 3 only"), quiet);
            // A request of Bob's that matches: /me/matches links the copy's page on B too.
            b.server().proposals().service().create("bob", ProposalDraft.builder().community("town")
                    .purpose(Purpose.REQUEST).language("en").title("Bread for the kitchen").categories("bread").build());
            WaitFor.condition("the match links the page on B", () -> bob.get("/me/matches").body()
                    .contains("href=\"" + page + "\""));

            // An empty answer: the page again, 400, with why; nothing kept on B, nothing sent to A.
            HttpResponse<String> empty = bob.submit(page, page + "/respond", Map.of("text", "   "));
            assertEquals(400, empty.statusCode());
            assertTrue(empty.body().contains(en.get("error.response_empty")), empty.body());
            String tooLong = "x".repeat(5001);
            HttpResponse<String> refused = bob.submit(page, page + "/respond", Map.of("text", tooLong));
            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().contains(tooLong), "what was typed stays in the field");
            assertEquals(0L, count(b, "select count(*) from ResponseEntity"));
            WaitFor.deliveriesDrained(b);
            assertEquals(0L, count(a, "select count(*) from ResponseEntity"), "A was told nothing");

            // Bob answers from B, in Arabic; he lands on his conversation, told in his language.
            PageClient arabic = new PageClient(b.base()).language("ar");
            arabic.login("bob", PASSWORD);
            Messages ar = Messages.forLanguage("ar");
            String form = arabic.get(page).body();
            assertTrue(form.contains(ar.get("remoteProposal.respondTitle")) && form.contains("dir=\"auto\""), form);
            HttpResponse<String> sent = arabic.submit(page, page + "/respond",
                    Map.of("text", "Two loaves for our kitchen, please."));
            assertEquals(303, sent.statusCode());
            String landing = sent.headers().firstValue("Location").orElseThrow();
            assertTrue(landing.startsWith("/conversations/"), landing);
            String conversation = arabic.get(landing).body();
            assertTrue(conversation.contains(ar.get("notice.respondedRemote")), conversation);
            assertTrue(conversation.contains("href=\"" + page + "\""), "the conversation links the page on B");

            // Amina, on A, sees Bob's response on her offer's page and in her notifications; she accepts.
            PageClient amina = new PageClient(a.base());
            amina.login("amina", PASSWORD);
            String offerPath = URI.create(bread.getUri()).getRawPath();
            WaitFor.condition("A keeps Bob's response", () -> amina.get(offerPath).body()
                    .contains("Two loaves for our kitchen, please."));
            assertTrue(amina.get("/me/notifications").body().contains(en.get("notification.response",
                    Messages.isolate("Fresh bread"))));
            // She is to give him a meeting place: his answer says where he is, not only a name anyone could take.
            String answers = amina.get(offerPath).body();
            assertTrue(answers.contains("<code dir=\"ltr\">@bob@" + b.domain() + "</code>"), answers);
            long onA = a.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select r.id from ResponseEntity r where r.proposal.uri = :u", Long.class)
                    .setParameter("u", bread.getUri()).getSingleResult());
            assertEquals(303, amina.submit(offerPath, "/responses/" + onA + "/accept", Map.of("handoff", HAND_OFF))
                    .statusCode());

            // Bob reads the hand-off in his conversation on B; the page now shows his answer, not a second form.
            WaitFor.condition("the hand-off reaches Bob on B", () -> bob.get(landing).body().contains(HAND_OFF));
            String after = bob.get(page).body();
            assertFalse(after.contains(en.get("remoteProposal.respondTitle")), after);
            assertTrue(after.contains("Two loaves for our kitchen, please.") && after.contains("href=\"" + landing
                    .replaceAll("\\?.*", "") + "\""), after);

            // The form of a second tab Bob had open before answering: refused (409) in his language, with the way to
            // his conversation; B keeps one response, A received one Offer. The service refuses a second one too.
            Map<String, String> secondTab = new HashMap<>(PageClient.hiddenFields(form, page + "/respond"));
            secondTab.put("text", "And a cake, please?");
            HttpResponse<String> again = arabic.post(page + "/respond", secondTab);
            assertEquals(409, again.statusCode(), again.body());
            assertTrue(again.body().contains(ar.get("error.already_answered"))
                    && again.body().contains("href=\"" + landing.replaceAll("\\?.*", "") + "\""), again.body());
            assertThrows(ConflictException.class, () -> b.server().proposals().agreements().offer("bob", breadCopy,
                    "And a cake, please?", null));
            WaitFor.deliveriesDrained(b);
            assertEquals(1L, count(b, "select count(*) from ResponseEntity"), "one response kept on B");
            assertEquals(1L, count(a, "select count(*) from ResponseEntity"), "one Offer reached A");
            assertFalse(amina.get(offerPath).body().contains("And a cake"), "Amina reads one answer");

            // The API and the board feed still give the original id: only the pages link the copy's page here.
            String listed = ApiClient.anonymous(b).get("/proposals?community=town").body();
            assertTrue(listed.contains("\"uri\":\"" + bread.getUri() + "\"") && !listed.contains("/remote-proposals/"),
                    listed);
            String feed = visitor.get("/board/town/feed.atom").body();
            assertFalse(feed.contains("/remote-proposals/"), feed);

            // Promised, it still takes answers: a visitor on B is asked to log in to answer; fulfilled, no longer.
            assertTrue(visitor.get(page).body().contains(en.get("proposal.loginToRespond")), "while it takes answers");
            b.server().db().inTransaction(s -> {
                s.find(ProposalEntity.class, breadCopy).setStatus(ProposalStatus.FULFILLED);
                return null;
            });
            String fulfilled = visitor.get(page).body();
            assertTrue(fulfilled.contains(en.get("status.fulfilled")), fulfilled);
            assertFalse(fulfilled.contains(en.get("proposal.loginToRespond")), "not once fulfilled: " + fulfilled);
        }
    }

    /**
     * Bob on B asks anonymously, and without his name for his community only; Amina on A answers both from A. For the
     * anonymous request her page and the notice after sending say that the person who asked and Town's moderators
     * read her answer, in her language, and so it is: Mona, who moderates Town, reads it on B. For the community-only
     * one they say the author alone reads it, and so it is: Bob reads it, Mona does not.
     */
    @Test
    void aMemberOfAAnsweringAnAnonymousRequestOfBIsToldTheCommunitysModeratorsReadIt() throws Exception {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            b.server().localActors().createGroup("town", "Town", null);
            b.server().localActors().createMember("bob", "Bob", PASSWORD, false);
            b.server().localActors().createMember("mona", "Mona", PASSWORD, false);
            b.server().moderators().add("town", "mona", Optional.empty());
            link(a, "block3", b, "town");
            link(b, "town", a, "block3"); // mutual, so B's community-only requests reach A's community too

            ProposalEntity formula = request(b, "Baby formula, quietly", Audience.ANONYMOUS);
            ProposalEntity cot = request(b, "A cot for Town only", Audience.COMMUNITY);
            long formulaCopy = WaitFor.value("A keeps the anonymous request", () -> copy(a, formula.getUri()));
            long cotCopy = WaitFor.value("A keeps the community-only request", () -> copy(a, cot.getUri()));
            String host = Messages.isolateLeftToRight(b.domain());
            Messages en = Messages.forLanguage("en");
            Messages ar = Messages.forLanguage("ar");

            PageClient amina = new PageClient(a.base());
            amina.login("amina", PASSWORD);
            String anonymous = amina.get("/remote-proposals/" + formulaCopy).body();
            assertTrue(anonymous.contains(en.get("remoteProposal.respondLabelAnonymous", host)), anonymous);
            assertFalse(anonymous.contains(en.get("remoteProposal.respondLabel", host)), anonymous);
            String communityOnly = amina.get("/remote-proposals/" + cotCopy).body();
            assertTrue(communityOnly.contains(en.get("remoteProposal.respondLabel", host)), communityOnly);

            // In Arabic, the page and the notice once sent say the same.
            PageClient arabic = new PageClient(a.base()).language("ar");
            arabic.login("amina", PASSWORD);
            String page = "/remote-proposals/" + formulaCopy;
            String form = arabic.get(page).body();
            assertTrue(form.contains(ar.get("remoteProposal.respondLabelAnonymous", host)), form);
            assertFalse(form.contains(ar.get("remoteProposal.respondLabel", host)), form);
            HttpResponse<String> sent = arabic.submit(page, page + "/respond", Map.of("text", "I have two tins, Amina"));
            assertEquals(303, sent.statusCode(), sent.body());
            String conversation = arabic.get(sent.headers().firstValue("Location").orElseThrow()).body();
            assertTrue(conversation.contains(ar.get("notice.respondedRemoteAnonymous")), conversation);
            assertFalse(conversation.contains(ar.get("notice.respondedRemote")), conversation);
            String cotPage = "/remote-proposals/" + cotCopy;
            HttpResponse<String> toAuthor = amina.submit(cotPage, cotPage + "/respond", Map.of("text", "My spare cot"));
            assertTrue(amina.get(toAuthor.headers().firstValue("Location").orElseThrow()).body()
                    .contains(en.get("notice.respondedRemote")), "the community-only one goes to its author");

            // On B: Town's moderator reads the answer to the anonymous request, not the one to the community-only one.
            PageClient mona = new PageClient(b.base());
            mona.login("mona", PASSWORD);
            PageClient bob = new PageClient(b.base());
            bob.login("bob", PASSWORD);
            String formulaOnB = URI.create(formula.getUri()).getRawPath();
            String cotOnB = URI.create(cot.getUri()).getRawPath();
            WaitFor.condition("Town's moderator reads Amina's answer", () -> mona.get(formulaOnB).body()
                    .contains("I have two tins, Amina"));
            WaitFor.condition("Bob reads Amina's answer to his community-only request", () -> bob.get(cotOnB).body()
                    .contains("My spare cot"));
            assertFalse(mona.get(cotOnB).body().contains("My spare cot"), "the author alone reads it");
        }
    }

    /**
     * A member of B reports A's offer from its page on B; the report goes to the moderators of Town, whose board shows
     * the copy (not to B's operators only), and Mona, who moderates Town and is no operator, hides B's copy: it leaves
     * B's board and its page there, and A's original is as it was.
     */
    @Test
    void aMemberReportsALinkedCommunitysPostFromItsPageHereAndAModeratorHidesTheCopy() throws Exception {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            b.server().localActors().createGroup("town", "Town", null);
            b.server().localActors().createMember("bob", "Bob", PASSWORD, false);
            b.server().localActors().createMember("mona", "Mona", PASSWORD, false);
            b.server().moderators().add("town", "mona", Optional.empty());
            link(b, "town", a, "block3");
            ProposalEntity loan = offer(a, "Money before you see the pram", Audience.PUBLIC);
            long copy = WaitFor.value("B keeps the offer", () -> copy(b, loan.getUri()));
            String page = "/remote-proposals/" + copy;

            PageClient bob = new PageClient(b.base());
            bob.login("bob", PASSWORD);
            Map<String, String> report = new HashMap<>(PageClient.hiddenFields(bob.get(page).body(), "/report"));
            assertEquals(loan.getUri(), report.get("proposal"), "the report names the original");
            report.put("comment", "Asks for money up front");
            HttpResponse<String> sent = bob.post("/report", report);
            assertEquals(303, sent.statusCode(), sent.body());
            assertTrue(bob.get(sent.headers().firstValue("Location").orElseThrow()).body()
                    .contains("<a href=\"" + page + "\">"), "back to the page it was reported from");

            PageClient mona = new PageClient(b.base());
            mona.login("mona", PASSWORD);
            String queue = mona.get("/moderate/reports").body();
            assertTrue(queue.contains("Money before you see the pram") && queue.contains("Asks for money up front"), queue);
            assertTrue(queue.contains("<bdi dir=\"auto\">Town</bdi>"),
                    "for Town's moderators: " + queue);
            long reportId = b.server().safety().reports().all(1).get(0).getId();
            HttpResponse<String> asked = mona.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "hide", "reason", "Scam"));
            assertEquals(303, mona.post("/moderate/reports/" + reportId,
                    PageClient.hiddenFields(asked.body(), "/moderate/reports/" + reportId)).statusCode());

            assertFalse(bob.get("/board/town").body().contains("Money before you see the pram"), "off B's board");
            assertEquals(404, bob.get(page).statusCode(), "and its page on B");
            assertTrue(new PageClient(b.base()).get("/moderation-log/town").body().contains("Scam"), "in Town's log");
            assertEquals(200, new PageClient(a.base()).get(URI.create(loan.getUri()).getRawPath()).statusCode(),
                    "A's original is A's moderators' business");
        }
    }

    /**
     * Amina on A withdraws one offer (an Update saying withdrawn, then a Delete for readers that know no status) and
     * deletes another: on B the first copy's page says it was withdrawn, as A's own page does, and only the second says
     * it was deleted.
     */
    @Test
    void aWithdrawnOfferIsCalledWithdrawnOnTheOtherInstanceAndADeletedOneDeleted() throws Exception {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            b.server().localActors().createGroup("town", "Town", null);
            link(b, "town", a, "block3");
            ProposalEntity pram = offer(a, "A pram, given away since", Audience.PUBLIC);
            ProposalEntity bread = offer(a, "Bread, posted by mistake", Audience.PUBLIC);
            long pramCopy = WaitFor.value("B keeps the pram", () -> copy(b, pram.getUri()));
            long breadCopy = WaitFor.value("B keeps the bread", () -> copy(b, bread.getUri()));

            a.server().proposals().service().changeStatus("amina", pram.getId(), ProposalStatus.WITHDRAWN);
            a.server().proposals().service().delete("amina", bread.getId());
            // The withdrawal's Update and Delete go out at once, and either may arrive first: B knows both either way.
            WaitFor.condition("B is told both", () -> b.server().db().inTransaction(s -> s.find(ProposalEntity.class,
                    pramCopy).isDeleted() && s.find(ProposalEntity.class, pramCopy).getStatus() == ProposalStatus.WITHDRAWN
                    && s.find(ProposalEntity.class, breadCopy).isDeleted()));

            PageClient visitor = new PageClient(b.base());
            HttpResponse<String> withdrawn = visitor.get("/remote-proposals/" + pramCopy);
            assertEquals(410, withdrawn.statusCode());
            assertTrue(withdrawn.body().contains("This offer was withdrawn on"), withdrawn.body());
            assertTrue(new PageClient(a.base()).get(URI.create(pram.getUri()).getRawPath()).body()
                    .contains("This offer was withdrawn on"), "as A's own page says");
            HttpResponse<String> deleted = visitor.get("/remote-proposals/" + breadCopy);
            assertEquals(410, deleted.statusCode());
            assertTrue(deleted.body().contains("This offer was deleted on"), deleted.body());
        }
    }

    /**
     * B's Town blocks Amina's account on A, and later, that block lifted, refuses A's whole server: either way A's offer
     * held on B is as if it were not there for Bob on B. Its page answers the 404 of a copy that never was, in his
     * language; his answer, sent from the page he had open before the block, is refused as well, is kept on neither
     * side and never reaches A, and so is one given through the service directly.
     */
    @Test
    void aCopyFromAnAccountOrServerTheCommunityBlockedIsNotThereToReadOrAnswer() throws Exception {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            b.server().localActors().createGroup("town", "Town", null);
            b.server().localActors().createMember("bob", "Bob", PASSWORD, false);
            b.server().localActors().createMember("olga", "Olga", PASSWORD, false);
            new Operators(b.server().db()).setAdmin("olga", true);
            long olga = b.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "olga")).orElseThrow()
                    .getId();
            link(b, "town", a, "block3");
            ProposalEntity bread = offer(a, "Fresh bread", Audience.PUBLIC);
            long copy = WaitFor.value("B keeps the offer", () -> copy(b, bread.getUri()));
            String page = "/remote-proposals/" + copy;
            String amina = a.base() + "/users/amina";

            PageClient bob = new PageClient(b.base()).language("ar");
            bob.login("bob", PASSWORD);
            Map<String, String> openForm = PageClient.hiddenFields(bob.get(page).body(), page + "/respond");
            b.server().safety().accounts().blockForCommunity("town", amina, Optional.of(olga), "Spam");
            assertNotThereOnB(b, bob, page, copy, openForm);

            assertTrue(b.server().safety().accounts().unblockForCommunity("town", amina, Optional.of(olga)));
            assertEquals(200, bob.get(page).statusCode(), "shown again once the block is lifted");
            b.server().safety().servers().block(olga, "town", a.domain(), "Spam");
            assertNotThereOnB(b, bob, page, copy, openForm);

            WaitFor.deliveriesDrained(b);
            assertEquals(0L, count(b, "select count(*) from ResponseEntity"), "nothing kept on B");
            assertEquals(0L, count(a, "select count(*) from ResponseEntity"), "A was sent nothing");
        }
    }

    /** The copy's page and an answer to it, from the page or the service, are as for a copy B does not hold. */
    private static void assertNotThereOnB(TestServers.Instance b, PageClient member, String page, long copy,
                                          Map<String, String> openForm) {
        Messages ar = Messages.forLanguage("ar");
        HttpResponse<String> shown = member.get(page);
        assertEquals(404, shown.statusCode());
        assertTrue(shown.body().contains(ar.get("error.notFound")) && !shown.body().contains("Fresh bread"),
                shown.body());
        Map<String, String> answer = new HashMap<>(openForm);
        answer.put("text", "Two loaves, please.");
        assertEquals(404, member.post(page + "/respond", answer).statusCode());
        assertThrows(NotFoundException.class, () -> b.server().proposals().agreements().offer("bob", copy,
                "Two loaves, please.", null));
    }

    /**
     * A follower's Mastodon post held on the board: its page here says to answer it on its own server and links the
     * original; nobody gets a form, and an answer posted anyway sends and keeps nothing.
     */
    @Test
    void aMastodonPostsPageSaysToAnswerItThere() throws Exception {
        try (TestServers.Instance a = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(a.base())) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            URI inbox = URI.create(a.base() + "/inbox");
            mastodon.deliver(inbox, mastodon.fixture("mastodon/follow.json")
                    .replace(a.base() + "/users/amina", a.base() + "/groups/block3"));
            WaitFor.condition("the follow is accepted", () -> mastodon.inboxPosts().stream()
                    .anyMatch(r -> r.getBodyAsString().contains("\"Accept\"")));
            String post = mastodon.fixture("mastodon/create-note-public.json");
            String postId = TestHttp.json(post).path("object").path("id").asText();
            assertEquals(202, mastodon.deliver(inbox, post).statusCode());
            long copy = WaitFor.value("the follower's request is kept", () -> copy(a, postId));
            String page = "/remote-proposals/" + copy;
            assertTrue(new PageClient(a.base()).get("/board/block3").body().contains("href=\"" + page + "\""));

            PageClient amina = new PageClient(a.base()).language("fr");
            amina.login("amina", PASSWORD);
            Messages fr = Messages.forLanguage("fr");
            String shown = amina.get(page).body();
            String host = URI.create(mastodon.origin()).getAuthority();
            assertTrue(shown.contains(fr.get("remoteProposal.notWeft", Messages.isolateLeftToRight(host)))
                    && shown.contains("href=\"" + postId + "\""), shown);
            assertFalse(shown.contains(fr.get("remoteProposal.respondTitle")) || shown.contains(page + "/respond"), shown);
            assertEquals(404, amina.submit(page, page + "/respond", Map.of("text", "Hello")).statusCode());
            assertEquals(0L, count(a, "select count(*) from ResponseEntity"));
        }
    }

    private static ProposalEntity offer(TestServers.Instance i, String title, Audience audience) {
        return i.server().proposals().service().create("amina", ProposalDraft.builder().community("block3")
                .purpose(Purpose.OFFER).language("en").title(title).description(title).categories("bread")
                .audience(audience).build());
    }

    private static ProposalEntity request(TestServers.Instance i, String title, Audience audience) {
        return i.server().proposals().service().create("bob", ProposalDraft.builder().community("town")
                .purpose(Purpose.REQUEST).language("en").title(title).description(title).categories("bread")
                .audience(audience).build());
    }

    /** The id of the copy {@code instance} keeps of {@code uri}, once it shows on the board, or null. */
    private static Long copy(TestServers.Instance instance, String uri) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery("from ProposalEntity where uri = :u",
                ProposalEntity.class).setParameter("u", uri).uniqueResultOptional()
                .filter(p -> p.getModeration() == ProposalEntity.Moderation.VISIBLE).map(ProposalEntity::getId)
                .orElse(null));
    }

    private static void link(TestServers.Instance from, String group, TestServers.Instance to, String other)
            throws Exception {
        from.server().matching().links().link(group, "@" + other + "@" + to.domain());
        WaitFor.condition(other + " accepts the link", () -> from.server().matching().links().links(group).stream()
                .anyMatch(l -> l.actorUri().endsWith("/groups/" + other) && l.accepted()));
    }

    private static long count(TestServers.Instance instance, String hql) {
        return instance.server().db().inTransaction(s -> s.createSelectionQuery(hql, Long.class).getSingleResult());
    }
}
