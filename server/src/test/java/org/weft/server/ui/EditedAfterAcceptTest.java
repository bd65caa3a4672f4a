package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;
import static org.weft.server.ui.CampOfFour.told;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.web.i18n.Messages;

/**
 * What the member a proposal was promised to learns when its author changes it afterwards, both of them members here.
 * Omar's answer to Layla's offer was accepted, Nadia's is still waiting and Samir's was declined. Layla changes the
 * offer's title: Omar is told once, in his language, and the notification leads to his conversation under the offer.
 * Each later change of its description, quantity or end date tells him once more; an edit that changes none of these
 * (its categories), and a change of its status, tell him nothing; Nadia and Samir are never told.
 */
class EditedAfterAcceptTest {
    private static final String KIND = "edited-after-accept";
    private static CampOfFour camp;

    @BeforeAll
    static void start() {
        camp = CampOfFour.start();
    }

    @AfterAll
    static void stop() {
        camp.close();
    }

    @Test
    void theAcceptedResponderAloneIsToldOfEachChangeOfWhatWasArranged() {
        long offer = expect(201, camp.layla().post("/proposals", """
                {"community": "camp", "purpose": "offer", "title": "Two warm blankets", "categories": ["bedding"],
                 "kind": "gift", "quantity": 2, "unit": "one"}""")).path("id").asLong();
        long omars = camp.respond("omar", offer, "I would be glad of them, thank you");
        camp.respond("nadia", offer, "If there is a third one, I would take it");
        long samirs = camp.respond("samir", offer, "Could I have one?");
        expect(200, camp.layla().post("/responses/" + samirs + "/decline", null));
        expect(200, camp.layla().post("/responses/" + omars + "/accept",
                "{\"handOff\": \"Tent 12 after the noon prayer\"}"));
        assertEquals(List.of(), told(camp.omar(), offer, KIND),
                "accepting made it promised: a status, not a change of terms");

        expect(200, camp.layla().patch("/proposals/" + offer, "{\"title\": \"Two warm woollen blankets\"}"));
        List<JsonNode> told = told(camp.omar(), offer, KIND);
        assertEquals(1, told.size(), told.toString());
        assertEquals(omars, told.get(0).path("responseId").asLong());
        String path = camp.pagePath(offer);
        for (String language : new String[] {"en", "ar"}) {
            Messages m = Messages.forLanguage(language);
            PageClient page = new PageClient(camp.weft().base()).language(language);
            page.login("omar", CampOfFour.PASSWORD);
            String expected = m.get("notification." + KIND, Messages.isolate("Two warm woollen blankets"));
            String notifications = page.get("/me/notifications").body();
            assertTrue(notifications.contains(expected), language + " lacks " + expected + ": " + notifications);
            HttpResponse<String> opened = page.get("/me/notifications/" + told.get(0).path("id").asLong());
            assertEquals(path + "#conversation-" + omars, opened.headers().firstValue("Location").orElseThrow());
        }

        expect(200, camp.layla().patch("/proposals/" + offer, "{\"description\": \"Wool, washed, from my sister.\"}"));
        assertEquals(2, told(camp.omar(), offer, KIND).size(), "the description changed");
        expect(200, camp.layla().patch("/proposals/" + offer, "{\"quantity\": 1, \"unit\": \"one\"}"));
        assertEquals(3, told(camp.omar(), offer, KIND).size(), "the quantity changed");
        Instant sooner = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        expect(200, camp.layla().patch("/proposals/" + offer, "{\"endsAt\": \"" + sooner + "\"}"));
        assertEquals(4, told(camp.omar(), offer, KIND).size(), "the end date changed");
        Instant later = LocalDate.now(ZoneOffset.UTC).plusDays(9).atTime(12, 0).toInstant(ZoneOffset.UTC);
        expect(200, camp.layla().post("/proposals/" + offer + "/renew", "{\"endsAt\": \"" + later + "\"}"));
        assertEquals(5, told(camp.omar(), offer, KIND).size(), "renewed to another day");
        expect(200, camp.layla().post("/proposals/" + offer + "/renew",
                "{\"endsAt\": \"" + later.plusSeconds(40) + "\"}"));
        assertEquals(5, told(camp.omar(), offer, KIND).size(), "renewed again within that day: no page shows a change");

        expect(200, camp.layla().patch("/proposals/" + offer, "{\"categories\": [\"bedding\", \"clothing\"]}"));
        expect(200, camp.layla().patch("/proposals/" + offer, "{\"title\": \"Two warm woollen blankets\"}"));
        assertEquals(5, told(camp.omar(), offer, KIND).size(), "neither changed what was arranged");
        expect(200, camp.layla().post("/proposals/" + offer + "/status", "{\"status\": \"fulfilled\"}"));
        assertEquals(5, told(camp.omar(), offer, KIND).size(), "a status is no change of terms");

        camp.assertNoOneElseTold(offer, KIND);
    }
}
