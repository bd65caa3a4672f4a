package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.RemoteFollows;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * A proposal's buttons pressed on a page that is out of date (a second tab, the back button): what the page says is
 * true, and nothing is sent for what did not happen. Layla reads her pages in Arabic; rosa follows the community from
 * Mastodon and is told of every real change, and of nothing else.
 */
class StaleProposalPageTest {
    private static final String PASSWORD = "layla-password";
    private static TestServers.Instance weft;
    private static MastodonPeer rosa;
    private static PageClient layla;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        rosa = new MastodonPeer(weft.base());
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        RemoteFollows.follow(weft, rosa, rosa.rosa(), weft.base() + "/groups/camp");
        weft.server().localActors().createMember("layla", "Layla", PASSWORD, false);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        layla = new PageClient(weft.base()).language("ar");
        layla.login("layla", PASSWORD);
    }

    @AfterAll
    static void stop() {
        rosa.close();
        weft.close();
    }

    @Test
    void markingOpenWhatIsOpenAlreadySaysSoAndSendsNothing() {
        ProposalEntity offer = offer("A child seat for a car");
        String page = path(offer);
        WaitFor.condition("rosa's server got the offer", () -> !activitiesAbout(offer, "Announce").isEmpty()
                || !activitiesAbout(offer, "Create").isEmpty());
        weft.server().proposals().service().changeStatus("layla", offer.getId(), ProposalStatus.PROMISED);
        WaitFor.condition("rosa's server was told it is promised", () -> activitiesAbout(offer, "Update").size() == 1);

        // Two tabs on the promised offer; the first marks it open, then the second one's "Mark open" is pressed.
        Map<String, String> firstTab = statusForm(layla.get(page).body(), page, "open");
        Map<String, String> secondTab = statusForm(layla.get(page).body(), page, "open");
        HttpResponse<String> opened = layla.post(page + "/status", firstTab);
        assertEquals(page + "?done=status_open#manage", opened.headers().firstValue("Location").orElseThrow());
        WaitFor.condition("rosa's server was told it is open", () -> activitiesAbout(offer, "Update").size() == 2);
        long sentBefore = count("OutboundActivityEntity");
        long notificationsBefore = count("NotificationEntity");

        HttpResponse<String> again = layla.post(page + "/status", secondTab);
        assertEquals(303, again.statusCode(), again.body());
        String back = again.headers().firstValue("Location").orElseThrow();
        assertEquals(page + "?done=already_open#manage", back, "not the notice of a change");
        String shown = layla.get(back.substring(0, back.indexOf('#'))).body();
        assertTrue(shown.contains("<p class=\"notice\" role=\"status\">إنه مفتوح بالفعل.</p>"),
                "it says, in Layla's language, that it was open already: " + shown);
        assertFalse(shown.contains("أصبح مفتوحًا من جديد."), "and not that it is open again: " + shown);
        assertEquals(ProposalStatus.OPEN, status(offer));

        assertEquals(sentBefore, count("OutboundActivityEntity"), "no Update was stored to go out");
        assertEquals(notificationsBefore, count("NotificationEntity"), "nobody was notified");
        WaitFor.deliveriesDrained(weft);
        assertEquals(2, activitiesAbout(offer, "Update").size(), "rosa's server heard of the two real changes only");
    }

    @Test
    void noStatusButtonOffersTheStatusTheProposalHas() {
        ProposalEntity offer = offer("A pair of crutches");
        String page = path(offer);
        assertStatusButtons(page, List.of("promised", "fulfilled", "withdrawn"));
        weft.server().proposals().service().changeStatus("layla", offer.getId(), ProposalStatus.PROMISED);
        assertStatusButtons(page, List.of("open", "fulfilled", "withdrawn"));
        weft.server().db().run(s -> s.find(ProposalEntity.class, offer.getId()).setStatus(ProposalStatus.EXPIRED));
        assertStatusButtons(page, List.of("withdrawn"));
        ProposalEntity given = offer("A high chair");
        weft.server().proposals().service().changeStatus("layla", given.getId(), ProposalStatus.FULFILLED);
        assertStatusButtons(path(given), List.of());
        weft.server().proposals().service().changeStatus("layla", offer.getId(), ProposalStatus.WITHDRAWN);
        assertStatusButtons(page, List.of());
    }

    @Test
    void aDeleteConfirmedAgainLandsInHerListSayingItIsDeletedAlready() {
        ProposalEntity offer = offer("A baby bath");
        String page = path(offer);
        String stalePage = layla.get(page).body();
        HttpResponse<String> firstTab = layla.post(page + "/delete", PageClient.hiddenFields(stalePage, page + "/delete"));
        HttpResponse<String> secondTab = layla.submit(page, page + "/delete", Map.of());
        Map<String, String> confirm = PageClient.hiddenFields(firstTab.body(), page + "/delete");
        HttpResponse<String> deleted = layla.post(page + "/delete", confirm);
        assertEquals("/me/proposals?done=deleted", deleted.headers().firstValue("Location").orElseThrow());
        WaitFor.condition("rosa's server was told to delete it", () -> activitiesAbout(offer, "Delete").size() == 1);
        long sentBefore = count("OutboundActivityEntity");

        HttpResponse<String> doubleClick = layla.post(page + "/delete", confirm);
        assertEquals(303, doubleClick.statusCode(), doubleClick.body());
        assertEquals("/me/proposals?done=deleted", doubleClick.headers().firstValue("Location").orElseThrow(),
                "the same form again lands where it went the first time");
        for (HttpResponse<String> stale : List.of(
                layla.post(page + "/delete", PageClient.hiddenFields(secondTab.body(), page + "/delete")),
                layla.post(page + "/delete", PageClient.hiddenFields(stalePage, page + "/delete")))) {
            assertEquals(303, stale.statusCode(), stale.body());
            assertEquals("/me/proposals?done=already_deleted", stale.headers().firstValue("Location").orElseThrow(),
                    "a second confirmation, or the stale page's Delete, lands in her list and is not asked again");
        }
        String mine = layla.get("/me/proposals?done=already_deleted").body();
        assertTrue(mine.contains("لقد حُذف من قبل.") && !mine.contains("A baby bath"),
                "told in Arabic that it was deleted already: " + mine);

        PageClient omar = new PageClient(weft.base());
        omar.login("omar", "omar-password");
        HttpResponse<String> other = omar.submit("/me/proposals", page + "/delete", Map.of("confirm", "yes"));
        assertEquals(404, other.statusCode(), "for anyone else it is as if it never was");
        assertFalse(other.body().contains("A baby bath"), other.body());

        assertEquals(sentBefore, count("OutboundActivityEntity"), "nothing more was stored to go out");
        WaitFor.deliveriesDrained(weft);
        assertEquals(1, activitiesAbout(offer, "Delete").size(), "rosa's server was told once");
    }

    @Test
    void aStatusOrRenewButtonOnAPageDeletedInAnotherTabLandsInHerList() {
        ProposalEntity offer = offer("A bouncer chair");
        String page = path(offer);
        String stalePage = layla.get(page).body();
        String anotherStalePage = layla.get(page).body();
        weft.server().proposals().service().delete("layla", offer.getId());
        WaitFor.condition("rosa's server was told to delete it", () -> activitiesAbout(offer, "Delete").size() == 1);
        long sentBefore = count("OutboundActivityEntity");

        HttpResponse<String> promised = layla.post(page + "/status", statusForm(stalePage, page, "promised"));
        assertEquals(303, promised.statusCode(), promised.body());
        assertEquals("/me/proposals?done=already_deleted", promised.headers().firstValue("Location").orElseThrow());
        // The page's forms share its tokens: the renew form's are the status form's.
        HttpResponse<String> renewed = layla.post(page + "/renew", statusForm(anotherStalePage, page, "fulfilled"));
        assertEquals(303, renewed.statusCode(), renewed.body());
        assertEquals("/me/proposals?done=already_deleted", renewed.headers().firstValue("Location").orElseThrow());

        PageClient omar = new PageClient(weft.base());
        omar.login("omar", "omar-password");
        HttpResponse<String> other = omar.submit("/me/proposals", page + "/status", Map.of("status", "promised"));
        assertEquals(404, other.statusCode(), "for anyone else it is as if it never was");
        assertEquals(sentBefore, count("OutboundActivityEntity"), "nothing more was stored to go out");
    }

    @Test
    void aWithdrawConfirmedAgainSaysItIsWithdrawnAlready() {
        ProposalEntity offer = offer("A cot with a mattress");
        String page = path(offer);
        String stalePage = layla.get(page).body();
        HttpResponse<String> firstTab = layla.post(page + "/status", statusForm(stalePage, page, "withdrawn"));
        HttpResponse<String> secondTab = layla.post(page + "/status", statusForm(layla.get(page).body(), page, "withdrawn"));
        HttpResponse<String> withdrawn = layla.post(page + "/status", PageClient.hiddenFields(firstTab.body(),
                page + "/status"));
        assertEquals(page + "?done=status_withdrawn#manage", withdrawn.headers().firstValue("Location").orElseThrow());
        WaitFor.condition("rosa's server was told to delete it", () -> activitiesAbout(offer, "Delete").size() == 1);
        long sentBefore = count("OutboundActivityEntity");

        for (HttpResponse<String> stale : List.of(
                layla.post(page + "/status", PageClient.hiddenFields(secondTab.body(), page + "/status")),
                layla.post(page + "/status", statusForm(stalePage, page, "withdrawn")))) {
            assertEquals(303, stale.statusCode(), "not asked again: " + stale.body());
            assertEquals(page + "?done=already_withdrawn#manage", stale.headers().firstValue("Location").orElseThrow());
        }
        String shown = layla.get(page + "?done=already_withdrawn").body();
        assertTrue(shown.contains("<p class=\"notice\" role=\"status\">لقد سُحب من قبل.</p>"), shown);
        assertFalse(shown.contains("طُلب من الخوادم الأخرى إزالته"), "nor that other servers were told again: " + shown);

        assertEquals(sentBefore, count("OutboundActivityEntity"), "nothing more was stored to go out");
        WaitFor.deliveriesDrained(weft);
        assertEquals(1, activitiesAbout(offer, "Delete").size(), "rosa's server was told once");
        assertEquals(1, activitiesAbout(offer, "Update").size(), "and of the withdrawal once");
    }

    @Test
    void theEditFormOfAWithdrawnProposalSaysAtOnceThatItCanNoLongerChange() {
        ProposalEntity offer = offer("A pram for a newborn");
        String page = path(offer);
        assertEquals(200, layla.get(page + "/edit").statusCode(), "open: the form");
        weft.server().proposals().service().changeStatus("layla", offer.getId(), ProposalStatus.WITHDRAWN);

        // The edit link of a tab opened before the withdrawal: not the whole form, to be refused once filled in again.
        HttpResponse<String> edit = layla.get(page + "/edit");
        assertEquals(409, edit.statusCode(), edit.body());
        Messages m = Messages.forLanguage("ar");
        assertTrue(edit.body().contains(m.get("error.proposal_not_editable", m.get("status.withdrawn"))), edit.body());
        assertTrue(edit.body().contains("href=\"" + page + "\""), "a way back to the proposal: " + edit.body());
        assertFalse(edit.body().contains("name=\"title\""), "no form: " + edit.body());
    }

    private static void assertStatusButtons(String page, List<String> expected) {
        String html = layla.get(page).body();
        List<String> offered = Pattern.compile("<input type=\"hidden\" name=\"status\" value=\"([a-z]+)\">")
                .matcher(html).results().map(r -> r.group(1)).toList();
        assertEquals(expected, offered, "the status buttons on the author's page: " + html);
    }

    /** The hidden fields of the status form on {@code html} whose button moves the proposal to {@code status}. */
    private static Map<String, String> statusForm(String html, String page, String status) {
        for (String form : html.split("<form ")) {
            if (form.contains(page + "/status\"") && form.contains("name=\"status\" value=\"" + status + "\"")) {
                return PageClient.hiddenFields("<form " + form, page + "/status");
            }
        }
        throw new AssertionError("no button for " + status + " on " + html);
    }

    private static ProposalEntity offer(String title) {
        return weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title(title).categories("bedding").audience(Audience.PUBLIC)
                .build());
    }

    /** The activities of {@code type} that Weft delivered to rosa's server about {@code p}. */
    private static List<JsonNode> activitiesAbout(ProposalEntity p, String type) {
        return rosa.acceptedInboxPosts().stream().map(r -> TestHttp.json(r.getBodyAsString()))
                .filter(a -> a.path("type").asText().equals(type))
                .filter(a -> a.path("object").isTextual() ? a.path("object").asText().equals(p.getUri())
                        : a.path("object").path("id").asText().equals(p.getUri()))
                .toList();
    }

    private static String path(ProposalEntity p) {
        return URI.create(p.getUri()).getPath();
    }

    private static ProposalStatus status(ProposalEntity p) {
        return weft.server().db().inTransaction(s -> s.find(ProposalEntity.class, p.getId()).getStatus());
    }

    private static long count(String entity) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from " + entity, Long.class)
                .getSingleResult());
    }
}
