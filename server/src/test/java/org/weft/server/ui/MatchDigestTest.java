package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.OutboundActivityEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * Hardening issue, case 3 (one member had 10,340 unread match notifications): a proposal's new matches make at most
 * one notification an hour, a digest whose count grows ("5 new matches", in the member's language, linking to their
 * matches), and at most one direct message to the member's fediverse account. Read, it comes back for what is new;
 * an hour on, the next match starts another.
 */
class MatchDigestTest {

    @Test
    void matchesWithinAnHourAreOneNotificationAndOneMessageWhoseCountGrows() throws Exception {
        TestClock clock = new TestClock();
        try (TestServers.Instance weft = TestServers.start(Map.of(), clock);
             MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("camp", "Camp Board", null);
            weft.server().localActors().createMember("amina", "Amina", "amina-password", false);
            weft.server().localActors().createMember("boris", "Boris", "boris-password", false);
            weft.server().matching().accounts().link("amina", rosa.actor()); // amina is rosa on Mastodon
            long amina = memberId(weft, "amina");
            create(weft, "amina", Purpose.REQUEST, "We need a pram");

            for (int i = 1; i <= 5; i++) {
                create(weft, "boris", Purpose.OFFER, "Pram number " + i);
            }
            List<NotificationEntity> digests = matchNotifications(weft, amina);
            assertEquals(1, digests.size(), "five matches, one notification");
            assertEquals(5, digests.getFirst().getCount());
            assertNull(digests.getFirst().getReadAt());
            assertEquals(5, matchNotifications(weft, memberId(weft, "boris")).size(), "one for each of boris's offers");
            assertEquals(1, matchMessages(weft), "one direct message, not five");
            WaitFor.condition("rosa's server gets the message", () -> rosa.inboxPosts().stream()
                    .anyMatch(r -> r.getBodyAsString().contains("A possible match")));
            assertEquals(1, rosa.inboxPosts().stream().filter(r -> r.getBodyAsString().contains("A possible match")).count());

            PageClient page = new PageClient(weft.base()).language("ar");
            page.login("amina", "amina-password");
            String arabic = page.get("/me/notifications").body();
            assertTrue(arabic.contains("توافقات جديدة (٥) مع ما نشرته: " + Messages.isolate("We need a pram")), arabic);
            String link = "/me/notifications/" + digests.getFirst().getId();
            assertTrue(arabic.contains("href=\"" + link + "\""), arabic);
            String english = page.language("en").get("/me/notifications").body();
            assertTrue(english.contains("5 new matches for: " + Messages.isolate("We need a pram")), english);

            // Read (the member followed it to the matches): it leads to all five, not to the first alone, in her
            // language. The next match within the hour makes it new again, counting from one.
            HttpResponse<String> followed = page.language("ar").get(link);
            assertEquals(303, followed.statusCode());
            String matchesOfPram = followed.headers().firstValue("Location").orElseThrow();
            assertEquals("/me/matches?state=all&proposal=" + digests.getFirst().getProposalId(), matchesOfPram);
            String listed = page.get(matchesOfPram).body();
            for (int i = 1; i <= 5; i++) {
                assertTrue(listed.contains("Pram number " + i), i + ": " + listed);
            }
            assertTrue(listed.contains(Messages.forLanguage("ar").get("matches.onlyOf",
                    Messages.isolate("We need a pram"))), listed);
            // A malformed filter on the page is no filter: the page still answers, with all her matches.
            HttpResponse<String> malformed = page.get("/me/matches?state=all&proposal=pram");
            assertEquals(200, malformed.statusCode());
            assertTrue(malformed.body().contains("Pram number 5") && !malformed.body().contains(Messages
                    .forLanguage("ar").get("matches.showAll")), malformed.body());
            // Her client asks the same of the API.
            String token = new ApiTokens(weft.server().db(), clock).create("amina", "test");
            String api = weft.base() + "/api/v1/me/matches?state=all&proposal=";
            assertEquals(5, TestHttp.json(TestHttp.send(HttpRequest.newBuilder(URI.create(api
                    + digests.getFirst().getProposalId())).header("Authorization", "Bearer " + token).build()).body())
                    .path("matches").size());
            assertEquals(400, TestHttp.send(HttpRequest.newBuilder(URI.create(api + "pram"))
                    .header("Authorization", "Bearer " + token).build()).statusCode());
            page.language("en");
            create(weft, "boris", Purpose.OFFER, "Pram number 6");
            digests = matchNotifications(weft, amina);
            assertEquals(1, digests.size());
            assertEquals(1, digests.getFirst().getCount());
            assertNull(digests.getFirst().getReadAt(), "unread again");
            assertTrue(page.get("/me/notifications").body().contains("A new match for: " + Messages.isolate("We need a pram")));
            String one = "/me/notifications/" + digests.getFirst().getId();
            assertTrue(page.get(one).headers().firstValue("Location").orElse("").contains("/me/matches?state=all#match-"),
                    "a notice of one match leads to that match");
            assertEquals(1, matchMessages(weft), "still one message within the hour");

            clock.advance(Duration.ofMinutes(61));
            create(weft, "boris", Purpose.OFFER, "Pram number 7");
            digests = matchNotifications(weft, amina);
            assertEquals(2, digests.size(), "an hour later, a new notification");
            assertEquals(1, digests.getFirst().getCount());
            assertEquals(2, matchMessages(weft));
        }
    }

    /** Posts a proposal and waits until the matcher has applied it (and so told whoever it tells). */
    private static void create(TestServers.Instance weft, String member, Purpose purpose, String title) {
        long before = weft.server().matching().matcher().applied();
        weft.server().proposals().service().create(member, ProposalDraft.builder().community("camp").purpose(purpose)
                .language("en").title(title).description("Folds.").categories("prams").build());
        WaitFor.condition("the matcher applied " + title, () -> weft.server().matching().matcher().applied() > before);
    }

    private static long memberId(TestServers.Instance weft, String username) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select a.id from ActorEntity a where a.local = true and a.username = :u", Long.class)
                .setParameter("u", username).getSingleResult());
    }

    private static List<NotificationEntity> matchNotifications(TestServers.Instance weft, long memberId) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("from NotificationEntity where memberId = :m"
                        + " and kind = 'match' order by createdAt desc, id desc", NotificationEntity.class)
                .setParameter("m", memberId).getResultList());
    }

    /** Direct messages about matches queued for delivery (written in the same transaction as the notification). */
    private static long matchMessages(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("from OutboundActivityEntity where activityType"
                + " = 'Create'", OutboundActivityEntity.class).getResultList().stream()
                .filter(a -> a.getBody().contains("A possible match")).count());
    }
}
