package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How a post is cut into sentences, clauses, list items and hashtags. */
class PostStructureTest {

    private static List<String> units(String text, String language) {
        PostStructure structure = PostStructure.of(text, Optional.of(language), TextAnalysis.tokens(language, text));
        return structure.units().stream().map(u -> text.substring(u.start(), u.end()).strip()).toList();
    }

    @Test
    void sentencesLinesAndClausesJoinedByAConnectiveAreUnits() {
        assertEquals(List.of("Need formula", "and nappies.", "We are in the shelter.", "Also a pram?"),
                units("Need formula and nappies.\nWe are in the shelter. Also a pram?", "en"));
        assertEquals(List.of("Besoin de lait", "et de couches", "mais pas de vêtements"),
                units("Besoin de lait et de couches mais pas de vêtements", "fr"));
        assertEquals(List.of("پتو داریم", "ولی بخاری نداریم"), units("پتو داریم ولی بخاری نداریم", "fa"));
    }

    @Test
    void linesStartingWithAMarkerAreListItemsAndHashtagsStandApart() {
        String text = "Needed:\n- rice\n• oil\n2) soap\nthanks #food";
        PostStructure structure = PostStructure.of(text, Optional.of("en"), TextAnalysis.tokens("en", text));
        assertEquals(List.of(false, true, true, true, false),
                structure.units().stream().map(PostStructure.Unit::listItem).toList());
        List<Token> tokens = TextAnalysis.tokens("en", text);
        assertTrue(structure.isHashtag(tokens.size() - 1), "#food");
        assertFalse(structure.isHashtag(0), "Needed");
    }

    @Test
    void aPostWithoutWordsHasNoUnits() {
        assertEquals(List.of(), units("🙏🙏", "en"));
    }
}
