package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ConversationMessageEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.TestServers;

/**
 * Every action on a proposal page says what it did where the person is looking, a form sent twice changes things
 * once, and what cannot be undone asks first on a page of its own, all without JavaScript. Seen by both people:
 * the one who acts and the one it concerns.
 */
class ProposalFeedbackTest {
    private static final Pattern DECLINE = Pattern.compile("action=\"(/responses/(\\d+)/decline)\"");
    private static final Pattern ACCEPT = Pattern.compile("action=\"(/responses/(\\d+)/accept)\"");
    private static TestServers.Instance weft;
    private static PageClient layla;
    private static PageClient omar;
    private static PageClient nadia;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        weft.server().localActors().createMember("layla", "Layla", "layla-password", false);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        layla = new PageClient(weft.base());
        layla.login("layla", "layla-password");
        omar = new PageClient(weft.base()).language("ar");
        omar.login("omar", "omar-password");
        weft.server().localActors().createMember("nadia", "Nadia", "nadia-password", false);
        nadia = new PageClient(weft.base());
        nadia.login("nadia", "nadia-password");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void respondingSaysItWasSentAndTheSameFormTwiceStoresOneResponse() {
        ProposalEntity offer = offer("Two warm blankets");
        String page = omar.get(path(offer)).body();
        Map<String, String> form = new HashMap<>(PageClient.hiddenFields(page, path(offer) + "/respond"));
        form.put("text", "I would be glad of one");
        Map<String, String> another = new HashMap<>(PageClient.hiddenFields(omar.get(path(offer)).body(),
                path(offer) + "/respond"));

        HttpResponse<String> first = omar.post(path(offer) + "/respond", form);
        assertEquals(303, first.statusCode(), first.body());
        String back = first.headers().firstValue("Location").orElseThrow();
        assertEquals(path(offer) + "?done=responded#respond", back, "back to the respond section, with a notice");
        String after = omar.get(back.substring(0, back.indexOf('#'))).body();
        assertTrue(after.contains("<p class=\"notice\" role=\"status\">أُرسل ردّك. صاحب المنشور وحده يراه.</p>"),
                "the notice, in Omar's language, at the top of the section he answered in: " + after);
        assertTrue(after.indexOf("id=\"respond\"") < after.indexOf("أُرسل ردّك"), "inside the respond section");

        HttpResponse<String> again = omar.post(path(offer) + "/respond", form);
        assertEquals(303, again.statusCode(), again.body());
        assertEquals(back, again.headers().firstValue("Location").orElseThrow(), "the repeat lands where the first went");
        assertEquals(1, responsesTo(offer).size(), "a second tap stores no second response");
        assertEquals(1, notificationsOf("layla", offer), "and tells the author once");

        // A new form (a second tab, opened before he answered) is no second answer: what more he has to say goes in
        // the conversation of the first.
        another.put("text", "And a pillow, if you have one");
        assertEquals(409, omar.post(path(offer) + "/respond", another).statusCode());
        assertEquals(1, responsesTo(offer).size(), "one answer per member");
        String laylasView = layla.get(path(offer)).body();
        assertTrue(laylasView.contains("I would be glad of one") && !laylasView.contains("And a pillow"), laylasView);
    }

    @Test
    void aRefusedResponseComesBackOnTheProposalPageWithWhyAndWhatWasTyped() {
        ProposalEntity offer = offer("A kettle");
        Map<String, String> form = new HashMap<>(PageClient.hiddenFields(omar.get(path(offer)).body(),
                path(offer) + "/respond"));
        long notificationsBefore = notificationsOf("layla", offer);
        String tooLong = "Could I borrow it for the week? " + "x".repeat(5_000);
        form.put("text", tooLong);
        HttpResponse<String> refused = omar.post(path(offer) + "/respond", form);
        assertEquals(400, refused.statusCode());
        String page = refused.body();
        assertTrue(page.contains("<h1 lang=\"en\" dir=\"auto\">A kettle</h1>"), "the proposal's own page: " + page);
        assertTrue(page.contains("<p class=\"error\" id=\"text-error\" role=\"alert\">لا تزيد الرسالة عن ٥٬٠٠٠ حرف.</p>"),
                "why, in Arabic, next to the field: " + page);
        assertTrue(page.indexOf("id=\"respond\"") < page.indexOf("id=\"text-error\"")
                && page.indexOf("id=\"text-error\"") < page.indexOf("id=\"respond-text\""), "inside the respond form");
        assertTrue(page.contains("aria-invalid=\"true\"") && page.contains("autofocus>" + tooLong + "</textarea>"),
                "all he wrote is still there, to shorten: " + page);
        assertEquals(0, responsesTo(offer).size(), "nothing stored");
        assertEquals(notificationsBefore, notificationsOf("layla", offer), "Layla is not told of anything");
        assertFalse(layla.get(path(offer)).body().contains("Could I borrow it"), "nor does she see it");

        Map<String, String> empty = new HashMap<>(PageClient.hiddenFields(page, path(offer) + "/respond"));
        empty.put("text", "   ");
        HttpResponse<String> blank = omar.post(path(offer) + "/respond", empty);
        assertEquals(400, blank.statusCode());
        assertTrue(blank.body().contains("<p class=\"error\" id=\"text-error\" role=\"alert\">اكتب رسالة.</p>")
                && blank.body().contains("A kettle"), "an empty one is refused on the page too: " + blank.body());
        assertEquals(0, responsesTo(offer).size(), "nothing stored");
        assertEquals(notificationsBefore, notificationsOf("layla", offer));

        form.put("text", "Shorter, then");
        assertEquals(303, omar.post(path(offer) + "/respond", form).statusCode(), "the same form, corrected, goes through");
        assertEquals(1, responsesTo(offer).size());
        assertEquals(notificationsBefore + 1, notificationsOf("layla", offer), "and Layla is told once");
    }

    @Test
    void aResponseNoLongerPossibleKeepsWhatWasTypedToCopy() {
        ProposalEntity offer = offer("A bicycle pump");
        Map<String, String> form = new HashMap<>(PageClient.hiddenFields(omar.get(path(offer)).body(),
                path(offer) + "/respond"));
        weft.server().proposals().service().changeStatus("layla", offer.getId(), ProposalStatus.FULFILLED);
        form.put("text", "Is it still there?");
        HttpResponse<String> refused = omar.post(path(offer) + "/respond", form);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("<p class=\"error\" role=\"alert\">لا يمكنك الرد على هذا.</p>"),
                "why, above the section: " + refused.body());
        assertTrue(refused.body().contains("readonly dir=\"auto\">Is it still there?</textarea>"),
                "what he wrote, to copy, with no form to send it: " + refused.body());
        assertFalse(refused.body().contains("action=\"" + offer.getUri() + "/respond\""), refused.body());
        assertEquals(0, responsesTo(offer).size(), "nothing stored");
    }

    @Test
    void withdrawingAsksFirstThenTheAddressSaysWhenItWasWithdrawn() {
        ProposalEntity offer = offer("A pram");
        HttpResponse<String> asked = layla.submit(path(offer), path(offer) + "/status", Map.of("status", "withdrawn"));
        assertEquals(200, asked.statusCode(), "a page that asks, not the change");
        assertTrue(asked.body().contains("<h1>Withdraw this?</h1>") && asked.body().contains("A pram"), asked.body());
        assertTrue(asked.body().contains("name=\"confirm\" value=\"yes\"") && asked.body().contains("#manage\""),
                "confirm, or go back: " + asked.body());
        assertEquals(ProposalStatus.OPEN, status(offer), "asking changed nothing");

        Map<String, String> confirm = PageClient.hiddenFields(asked.body(), path(offer) + "/status");
        HttpResponse<String> done = layla.post(path(offer) + "/status", confirm);
        assertEquals(303, done.statusCode(), done.body());
        assertEquals(path(offer) + "?done=status_withdrawn#manage", done.headers().firstValue("Location").orElseThrow());
        assertEquals(ProposalStatus.WITHDRAWN, status(offer));

        HttpResponse<String> gone = omar.get(path(offer));
        assertEquals(410, gone.statusCode());
        assertTrue(gone.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), "a page, not JSON");
        assertTrue(gone.body().contains("<html lang=\"ar\" dir=\"rtl\">"), gone.body());
        assertTrue(gone.body().matches("(?s).*سُحب هذا العرض في [^<]*[٠-٩]+[^<]*\\..*"), "withdrawn on its date, in Arabic: "
                + gone.body());
        assertTrue(gone.body().contains("href=\"/board/camp\""), "the way to the community's board: " + gone.body());
        assertFalse(gone.body().contains("{\"error\""), gone.body());
    }

    @Test
    void decliningAsksFirstAndAcceptingTwiceSendsTheMeetingPlaceOnce() {
        ProposalEntity offer = offer("Bread");
        respond(nadia, offer, "First answer"); // declined below; Omar's, accepted, brings him the meeting place
        respond(omar, offer, "Second answer");
        String page = layla.get(path(offer)).body();
        Matcher decline = DECLINE.matcher(page);
        assertTrue(decline.find(), page);
        HttpResponse<String> asked = layla.post(decline.group(1), PageClient.hiddenFields(page, decline.group(1)));
        assertEquals(200, asked.statusCode());
        assertTrue(asked.body().contains("Decline this response?"), asked.body());
        assertEquals(ResponseEntity.State.NEW, stateOf(Long.parseLong(decline.group(2))), "asking declined nothing");
        HttpResponse<String> declined = layla.post(decline.group(1), PageClient.hiddenFields(asked.body(), decline.group(1)));
        assertEquals(path(offer) + "?done=declined#responses", declined.headers().firstValue("Location").orElseThrow());
        assertEquals(ResponseEntity.State.DECLINED, stateOf(Long.parseLong(decline.group(2))));

        page = layla.get(path(offer)).body();
        Matcher accept = ACCEPT.matcher(page);
        assertTrue(accept.find(), "the other response can still be accepted: " + page);
        Map<String, String> form = new HashMap<>(PageClient.hiddenFields(page, accept.group(1)));
        form.put("handoff", "Tent 12 at noon");
        assertEquals(303, layla.post(accept.group(1), form).statusCode());
        assertEquals(303, layla.post(accept.group(1), form).statusCode(), "the repeat is answered the same way");
        assertEquals(1, messagesWith("Tent 12 at noon"), "the meeting place went once");
        String omars = omar.get("/me/notifications").body();
        assertTrue(omars.contains("Tent 12 at noon"), "Omar, the responder, reads it: " + omars);
    }

    @Test
    void deletingAsksFirstThenLeavesTheListWithANotice() {
        ProposalEntity offer = offer("An old radio");
        HttpResponse<String> asked = layla.submit(path(offer), path(offer) + "/delete", Map.of());
        assertEquals(200, asked.statusCode());
        assertTrue(asked.body().contains("Delete this?"), asked.body());
        HttpResponse<String> deleted = layla.post(path(offer) + "/delete", PageClient.hiddenFields(asked.body(),
                path(offer) + "/delete"));
        assertEquals("/me/proposals?done=deleted", deleted.headers().firstValue("Location").orElseThrow());
        String mine = layla.get("/me/proposals?done=deleted").body();
        assertTrue(mine.contains("It was deleted.") && !mine.contains("An old radio"), mine);
        assertEquals(410, new PageClient(weft.base()).get(path(offer)).statusCode());

        PageClient stranger = new PageClient(weft.base());
        stranger.login("omar", "omar-password");
        ProposalEntity laylas = offer("Not Omar's to delete");
        HttpResponse<String> refused = stranger.submit(path(laylas), path(laylas) + "/delete", Map.of());
        assertEquals(403, refused.statusCode(), "another member is not even asked");
        assertEquals(ProposalStatus.OPEN, status(laylas));
    }

    @Test
    void publishingTheSameFormTwicePostsOneProposal() {
        Map<String, String> form = new HashMap<>(PageClient.hiddenFields(layla.get("/new?purpose=offer").body(), "/new"));
        form.putAll(Map.of("community", "camp", "title", "A box of lentils", "category", "bread", "kind", "GIFT",
                "audience", "PUBLIC"));
        HttpResponse<String> first = layla.post("/new", form);
        assertEquals(303, first.statusCode(), first.body());
        HttpResponse<String> again = layla.post("/new", form);
        assertEquals(303, again.statusCode(), again.body());
        assertEquals(first.headers().firstValue("Location"), again.headers().firstValue("Location"),
                "the repeat lands on the proposal the first one made");
        assertEquals(1, proposalsTitled("A box of lentils"), "a second tap on Publish posts nothing new");
    }

    @Test
    void theSameMessageFormSentTwiceWritesOneMessage() {
        ProposalEntity offer = offer("A thermos");
        respond(offer, "Could I borrow it?");
        long id = responsesTo(offer).getFirst().getId();
        String action = "/conversations/" + id + "/messages";
        Map<String, String> form = new HashMap<>(PageClient.hiddenFields(omar.get("/conversations/" + id).body(), action));
        form.put("text", "Tomorrow morning?");
        assertEquals(303, omar.post(action, form).statusCode());
        assertEquals(303, omar.post(action, form).statusCode(), "the repeat is answered the same way");
        assertEquals(1, messagesWith("Tomorrow morning?"), "and writes nothing the second time");
        assertEquals(2, notificationsOf("layla", offer), "Layla is told of the response and of one message");
    }

    private static ProposalEntity offer(String title) {
        return weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title(title).categories("bread").build());
    }

    private static void respond(ProposalEntity offer, String text) {
        respond(omar, offer, text);
    }

    private static void respond(PageClient member, ProposalEntity offer, String text) {
        assertEquals(303, member.submit(path(offer), path(offer) + "/respond", Map.of("text", text)).statusCode());
    }

    private static String path(ProposalEntity p) {
        return URI.create(p.getUri()).getPath();
    }

    private static List<ResponseEntity> responsesTo(ProposalEntity p) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "from ResponseEntity where proposal.id = :p", ResponseEntity.class).setParameter("p", p.getId()).getResultList());
    }

    private static long notificationsOf(String username, ProposalEntity p) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from NotificationEntity n, ActorEntity a where n.memberId = a.id and a.username = :u"
                        + " and n.proposalId = :p", Long.class).setParameter("u", username).setParameter("p", p.getId())
                .getSingleResult());
    }

    private static long proposalsTitled(String title) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from ProposalEntity where title = :t", Long.class).setParameter("t", title).getSingleResult());
    }

    private static ProposalStatus status(ProposalEntity p) {
        return weft.server().db().inTransaction(s -> s.find(ProposalEntity.class, p.getId()).getStatus());
    }

    private static ResponseEntity.State stateOf(long responseId) {
        return weft.server().db().inTransaction(s -> s.find(ResponseEntity.class, responseId).getState());
    }

    /** Messages in conversations (where the meeting place goes since conversations per response) with {@code text}. */
    private static long messagesWith(String text) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("from ConversationMessageEntity",
                ConversationMessageEntity.class).getResultList().stream().filter(m -> m.getContent().contains(text)).count());
    }
}
