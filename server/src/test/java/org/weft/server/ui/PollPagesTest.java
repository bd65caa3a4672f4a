package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * Polls on the pages, without JavaScript: a moderator opens one with the form; Dina votes in Arabic (right to left,
 * every word from the message files) and is told her own choice; her second device cannot vote again; Amina, another
 * member, and a visitor see the counts and never who chose what; only a moderator sees the form to close it early.
 */
class PollPagesTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void aMemberVotesInArabicAndOthersSeeOnlyTheCounts() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient.newMember(weft, "amina", "Amina");
            ApiClient.newMember(weft, "dina", "Dina Haddad");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            Messages ar = Messages.forLanguage("ar");
            Messages en = Messages.forLanguage("en");

            // Amina opens a poll with the page's form (two options filled in of the ten offered).
            PageClient amina = new PageClient(weft.base());
            amina.login("amina", PASSWORD);
            String list = amina.get("/groups/block3/polls").body();
            assertTrue(list.contains(en.get("poll.openTitle")), list);
            List<Map.Entry<String, String>> form = new ArrayList<>(PageClient.hiddenFields(list, "/groups/block3/polls")
                    .entrySet());
            form.add(Map.entry("question", "Which day should the shared fridge be cleaned?"));
            form.add(Map.entry("option", "Friday"));
            form.add(Map.entry("option", "Sunday"));
            for (int i = 0; i < 8; i++) {
                form.add(Map.entry("option", ""));
            }
            form.add(Map.entry("voters", "members"));
            form.add(Map.entry("hours", "24"));
            HttpResponse<String> opened = amina.postFields("/groups/block3/polls", form);
            assertEquals(303, opened.statusCode(), opened.body());
            String pollPath = URI.create(weft.base() + opened.headers().firstValue("Location").orElseThrow()).getPath();
            assertTrue(pollPath.startsWith("/polls/"), pollPath);
            assertTrue(amina.get(pollPath + "?done=pollOpened").body().contains(en.get("notice.pollOpened")));

            // Dina, in Arabic: the page reads right to left, its words are the Arabic messages; she votes Friday.
            PageClient dina = new PageClient(weft.base()).language("ar");
            dina.login("dina", PASSWORD);
            assertTrue(dina.get("/groups/block3").body().contains("href=\"/groups/block3/polls\""),
                    "the community's page leads to its polls");
            String page = dina.get(pollPath).body();
            assertTrue(page.contains("dir=\"rtl\""), "Arabic reads right to left");
            assertTrue(page.contains(ar.get("poll.vote")) && page.contains(ar.get("poll.chooseOne"))
                    && page.contains(ar.get("poll.anonymity")), page);
            assertTrue(page.contains(ar.get("poll.title", Messages.isolate("Block 3"))), page);
            assertTrue(page.contains("type=\"radio\""), "one choice: radio buttons");
            assertFalse(page.contains(en.get("poll.vote") + "<"), "no English on the Arabic page");
            Map<String, String> vote = new LinkedHashMap<>(PageClient.hiddenFields(page, pollPath + "/vote"));
            vote.put("choice", "0");
            HttpResponse<String> voted = dina.post(pollPath + "/vote", vote);
            assertEquals(303, voted.statusCode(), voted.body());
            String after = dina.get(voted.headers().firstValue("Location").orElseThrow()).body();
            assertTrue(after.contains(ar.get("notice.pollVoted")), after);
            assertTrue(after.contains(ar.get("poll.youVoted", Messages.isolate("Friday"))), after);
            // The counts in Arabic's own digits, as every other number on an Arabic page: one vote, all of them.
            assertTrue(after.contains(ar.number(1) + " (" + ar.percent(100) + ")") && ar.percent(100).contains("١٠٠"), after);
            assertTrue(after.contains(ar.get("poll.voterCount", 1)), after);
            assertFalse(after.contains("type=\"radio\""), "no second vote form");
            assertFalse(after.contains(pollPath + "/close"), "Dina moderates nothing: no close form");

            // The same form sent again changes nothing; Dina's phone (another session) cannot vote again either.
            assertEquals(303, dina.post(pollPath + "/vote", vote).statusCode());
            PageClient phone = new PageClient(weft.base()).language("ar");
            phone.login("dina", PASSWORD);
            String phonePage = phone.get(pollPath).body();
            assertFalse(phonePage.contains("type=\"radio\""), "the vote is tied to the account, not the session");
            HttpResponse<String> again = phone.post(pollPath + "/vote", Map.of("csrf", PageClient.csrf(phonePage),
                    "choice", "1"));
            assertEquals(409, again.statusCode());
            assertTrue(again.body().contains(ar.get("poll.alreadyVoted")), again.body());

            // What Amina sees after Dina voted: one voter, Friday 1 (100%), Sunday 0; never Dina's name or choice.
            String seen = amina.get(pollPath).body();
            assertTrue(seen.contains(en.get("poll.voterCount", 1)) && seen.contains("1 (100%)") && seen.contains("0 (0%)"),
                    seen);
            assertFalse(seen.contains("Dina") || seen.contains("dina"), "who voted is never shown");
            assertFalse(seen.contains(en.get("poll.youVoted", "")), "Amina did not vote");
            assertTrue(seen.contains("type=\"radio\""), "Amina may still vote");
            String visitor = new PageClient(weft.base()).get(pollPath).body();
            assertTrue(visitor.contains("1 (100%)") && !visitor.contains("type=\"radio\"") && !visitor.contains("Dina"));
            String arabicList = dina.get("/groups/block3/polls").body();
            assertTrue(arabicList.contains(ar.get("poll.listTitle", Messages.isolate("Block 3"))), arabicList);
            assertTrue(arabicList.contains(pollPath) && !arabicList.contains(ar.get("poll.openTitle")),
                    "Dina may not open polls here");

            // Amina closes it early with a public reason: final, and in the moderation log.
            Map<String, String> close = new LinkedHashMap<>(PageClient.hiddenFields(seen, pollPath + "/close"));
            close.put("reason", "Decided at the meeting");
            assertEquals(303, amina.post(pollPath + "/close", close).statusCode());
            String closed = amina.get(pollPath).body();
            assertFalse(closed.contains("type=\"radio\"") || closed.contains(pollPath + "/close\""), closed);
            String log = TestHttp.get(weft.base() + "/moderation-log/block3", "text/html").body();
            assertTrue(log.contains(en.get("moderationLog.kind.pollClosed")) && log.contains("Decided at the meeting"), log);
        }
    }

    @Test
    void aRefusedPollFormSaysWhyInTheReadersLanguageAndStoresNothing() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient.newMember(weft, "amina", "Amina");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            PageClient amina = new PageClient(weft.base()).language("fa");
            amina.login("amina", PASSWORD);
            String list = amina.get("/groups/block3/polls").body();
            List<Map.Entry<String, String>> form = new ArrayList<>(PageClient.hiddenFields(list, "/groups/block3/polls")
                    .entrySet());
            form.add(Map.entry("question", "Which day?"));
            form.add(Map.entry("option", "Friday"));
            form.add(Map.entry("option", ""));
            HttpResponse<String> refused = amina.postFields("/groups/block3/polls", form);
            assertEquals(400, refused.statusCode());
            Messages fa = Messages.forLanguage("fa");
            assertTrue(refused.body().contains(fa.get("error.poll_options_count", 2, 10)), refused.body());
            assertTrue(refused.body().contains(fa.get("poll.none")), "nothing was stored");
        }
    }
}
