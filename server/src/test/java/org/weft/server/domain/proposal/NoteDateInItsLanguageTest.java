package org.weft.server.domain.proposal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * The Note a Mastodon follower reads for an Arabic request says until when it stands as the request's page does, with
 * Arabic-Indic digits, not Latin ones, and names what it asks for as Arabic joins a list.
 */
class NoteDateInItsLanguageTest {

    @Test
    void anArabicNoteWritesItsEndDateWithArabicDigits() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("camp", "Camp Board", null);
            weft.server().localActors().createMember("layla", "Layla", "a long enough password", false);
            ProposalEntity request = weft.server().proposals().service().create("layla", ProposalDraft.builder()
                    .community("camp").purpose(Purpose.REQUEST).audience(Audience.ANONYMOUS).language("ar")
                    .title("حليب أطفال").description("لطفل عمره ثلاثة أشهر").categories("baby-food", "diapers").build());

            JsonNode note = TestHttp.activityJson(request.getUri());
            String arabic = note.path("contentMap").path("ar").asText();
            Messages ar = Messages.forLanguage("ar");
            String until = ar.get("wire.until", ar.date(request.getEndsAt()));
            assertTrue(arabic.contains("<p>" + until + "</p>"), "the day as the page writes it: " + arabic);
            assertTrue(until.matches(".*[\u0660-\u0669].*") && !until.matches(".*[0-9].*"), until);
            assertFalse(arabic.replace(request.getUri(), "").matches("(?s).*<p>[^<]*[0-9][^<]*</p>.*"),
                    "no Latin digit in a paragraph: " + arabic);
            var taxonomy = weft.server().proposals().taxonomy();
            String both = ar.list(java.util.List.of(taxonomy.label(taxonomy.byId("baby-food").orElseThrow(), "ar"),
                    taxonomy.label(taxonomy.byId("diapers").orElseThrow(), "ar")));
            assertTrue(both.contains(" و"), both);
            assertTrue(arabic.contains(both), "the categories joined as Arabic joins a list: " + arabic);
        }
    }
}
