package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * A community-only post is posted by the community, never under its author's name, as its author is told; and the
 * author is told, in each of the six languages, who can still find out: the community's moderators, once someone
 * reports it. Each reader's view: a member sees the community's name on the post and its card, never the author's; a
 * visitor who is not logged in sees nothing; the moderator reading a member's report sees the author's account; the
 * public moderation log never names the author.
 */
class CommunityOnlyAuthorTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String AUTHOR = "Carla Haddad";

    @Test
    void eachReaderSeesWhatTheAuthorWasTold() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            weft.server().localActors().createMember("carla", AUTHOR, PASSWORD, false);
            weft.server().localActors().createMember("dina", "Dina Aziz", PASSWORD, false);
            weft.server().localActors().createMember("amina", "Amina Saleh", PASSWORD, false);
            weft.server().moderators().add("block3", "amina", Optional.empty());
            ProposalEntity p = weft.server().proposals().service().create("carla", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.REQUEST).audience(Audience.COMMUNITY).language("en")
                    .title("Insulin kept cold").description("A fridge for a night.").categories("tents").build());
            String page = URI.create(p.getUri()).getPath();
            String carlaUri = weft.base() + "/users/carla";

            // The author, in each language: "never under your name", and who can still find out.
            for (String lang : List.of("en", "ar", "es", "fa", "fr", "uk")) {
                Messages m = Messages.forLanguage(lang);
                PageClient carla = new PageClient(weft.base()).language(lang);
                carla.login("carla", PASSWORD);
                String mine = carla.get(page).body();
                assertTrue(mine.contains(m.get("reach.communityOnlyKnownTo")), lang + ": " + mine);
            }

            // A member: the community's name on the post and on the board, never the author's.
            PageClient dina = new PageClient(weft.base()).language("en");
            dina.login("dina", PASSWORD);
            String read = dina.get(page).body();
            assertTrue(read.contains("Insulin kept cold") && read.contains("Block 3"), read);
            assertFalse(read.contains(AUTHOR) || read.contains("/users/carla"), "the author's name: " + read);
            assertFalse(read.contains(Messages.forLanguage("en").get("reach.communityOnlyKnownTo")), "told the author only");
            String board = dina.get("/board/block3").body();
            assertTrue(board.contains("Insulin kept cold"), board);
            assertFalse(board.contains(AUTHOR) || board.contains("/users/carla"), "the author's name: " + board);
            // Someone not logged in: nothing at all.
            assertEquals(404, TestHttp.get(weft.base() + page, "text/html").statusCode());

            // dina reports it: the community's moderator reads whose post it is.
            Map<String, String> report = new HashMap<>(PageClient.hiddenFields(read, "/report"));
            report.put("proposal", p.getUri());
            report.put("comment", "Looks odd");
            HttpResponse<String> sent = dina.post("/report", report);
            assertEquals(303, sent.statusCode(), sent.body());
            PageClient amina = new PageClient(weft.base()).language("en");
            amina.login("amina", PASSWORD);
            String reports = amina.get("/moderate/reports").body();
            assertTrue(reports.contains(carlaUri), "the report names the author's account: " + reports);

            // The public moderation log, once the moderator hides the post: the post, never its author.
            long reportId = weft.server().safety().reports().all(10).get(0).getId();
            HttpResponse<String> hidden = amina.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "hide", "reason", "Not allowed", "confirm", "yes"));
            assertEquals(303, hidden.statusCode(), hidden.body());
            String log = TestHttp.get(weft.base() + "/moderation-log/block3?format=json", "application/json").body();
            assertTrue(log.contains(p.getUri()), "the hidden post is logged: " + log);
            assertFalse(log.contains("/users/carla") || log.contains(AUTHOR), "never its author: " + log);
        }
    }
}
