package org.weft.server.domain.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.ui.PageClient;

/**
 * The quantity a Mastodon follower reads in a proposal's Note is written as the proposal's page writes it: the unit's
 * name in the Note's language with its plural form ("1 hour", "2 hours", "٣ ساعات") and that language's digits, never
 * the stored unit code ("3 hour"). The author's edit form gives the quantity back as they wrote it, 2 and not 2.000.
 */
class NoteQuantityInItsLanguageTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void theNoteAndThePageSayTheQuantityInTheirLanguage() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("camp", "Camp Board", null);
            weft.server().localActors().createMember("layla", "Layla", PASSWORD, false);
            ProposalEntity two = offer(weft, "en", "Babysitting on Saturday", "2");
            ProposalEntity one = offer(weft, "en", "Help with a form", "1");
            ProposalEntity arabic = offer(weft, "ar", "مجالسة أطفال", "3");

            assertQuantity(TestHttp.activityJson(two.getUri()), "en", "<p>Quantity: 2 hours</p>");
            assertQuantity(TestHttp.activityJson(one.getUri()), "en", "<p>Quantity: 1 hour</p>");
            JsonNode note = TestHttp.activityJson(arabic.getUri());
            assertQuantity(note, "ar", "<p>الكمية: ٣ ساعات</p>");
            assertFalse(note.path("contentMap").path("ar").asText().contains("hour"), "no unit code");

            PageClient layla = new PageClient(weft.base());
            layla.login("layla", PASSWORD);
            String page = layla.get(path(two)).body();
            assertTrue(page.contains("2 hours"), "the page says the same: " + page);
            assertTrue(layla.get(path(one)).body().contains("1 hour<"), "one hour, not 1 hours");
            String form = layla.get(path(two) + "/edit").body();
            assertTrue(form.contains("value=\"2\""), "the quantity as written: " + form);
            assertFalse(form.contains("2.000"), form);
        }
    }

    private static ProposalEntity offer(TestServers.Instance weft, String language, String title, String hours) {
        return weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language(language).title(title).categories("bedding").kind(HelpKind.TIME)
                .quantity(new BigDecimal(hours), "hour").build());
    }

    private static void assertQuantity(JsonNode note, String language, String paragraph) {
        String content = note.path("content").asText();
        String inItsLanguage = note.path("contentMap").path(language).asText();
        assertTrue(content.contains(paragraph), paragraph + " in " + content);
        assertEquals(content, inItsLanguage, "content is the author's language");
    }

    private static String path(ProposalEntity p) {
        return URI.create(p.getUri()).getPath();
    }
}
