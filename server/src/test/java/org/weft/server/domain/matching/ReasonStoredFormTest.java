package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.web.i18n.Messages;

/**
 * A match's reasons are stored as short codes ({@code c:prams w k:gift}), and rows written before with the codes'
 * names ({@code SAME_CATEGORY:prams BOTH_OPEN_THIS_WEEK SAME_KIND:gift}) still read the same: the member sees the
 * same words for either, in every language, and the API the same codes.
 */
class ReasonStoredFormTest {
    private static final ReasonText TEXT = new ReasonText(Taxonomy.load());

    @Test
    void everyCodeComesBackFromItsStoredFormAndFromItsName() {
        List<Reason> all = new ArrayList<>();
        for (ReasonCode code : ReasonCode.values()) {
            all.add(Reason.of(code));
            all.add(new Reason(code, "prams"));
        }
        String stored = Reason.encodeAll(all);
        assertEquals(all, Reason.decodeAll(stored));
        String named = String.join(" ", all.stream()
                .map(r -> r.argument() == null ? r.code().name() : r.code().name() + ":" + r.argument()).toList());
        assertEquals(all, Reason.decodeAll(named));
    }

    @Test
    void theStoredFormIsAThirdOfTheNames() {
        List<Reason> usual = List.of(new Reason(ReasonCode.RELATED_CATEGORY, "phones-and-chargers"),
                Reason.of(ReasonCode.BOTH_OPEN_THIS_WEEK), new Reason(ReasonCode.SAME_KIND, "gift"));
        assertEquals("r:phones-and-chargers w k:gift", Reason.encodeAll(usual));
        List<Reason> unnamed = List.of(new Reason(ReasonCode.SAME_CATEGORY, "diapers"),
                Reason.of(ReasonCode.BOTH_OPEN_THIS_WEEK), new Reason(ReasonCode.SAME_KIND, "gift"));
        assertEquals("c:diapers w k:gift", Reason.encodeAll(unnamed));
        assertTrue(Reason.encodeAll(unnamed).length() * 2 < "SAME_CATEGORY:diapers BOTH_OPEN_THIS_WEEK SAME_KIND:gift".length());
    }

    @Test
    void aMemberReadsTheSameWordsForARowWrittenBeforeAndOneWrittenNow() {
        String before = "SAME_CATEGORY:prams NEARBY_AREA BOTH_OPEN_THIS_WEEK KIND_FITS:lend PARTLY_ENOUGH_QUANTITY";
        String now = Reason.encodeAll(Reason.decodeAll(before));
        assertEquals("c:prams na w kf:lend pq", now);
        for (String language : Messages.LANGUAGES) {
            Messages m = Messages.forLanguage(language);
            List<String> words = TEXT.list(now, m);
            assertEquals(TEXT.list(before, m), words, language);
            assertEquals(5, words.size(), language);
            // Words, not codes, whatever the language.
            words.forEach(w -> assertTrue(!w.isBlank() && !w.contains("c:") && !w.contains("SAME_"), language + ": " + w));
        }
    }

    @Test
    void anUnknownCodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Reason.decode("zz:prams"));
    }
}
