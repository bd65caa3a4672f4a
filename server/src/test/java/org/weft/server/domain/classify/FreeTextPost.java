package org.weft.server.domain.classify;

import java.util.List;
import java.util.Optional;

import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * One labelled post of the free-text evaluation set ({@code classify/examples/}, see the README there).
 *
 * @param id      {@code <language>-<number>}; posts with the same number are one scene in several languages
 * @param lang    the language the post is written in (en, ar, fr, es, uk, fa)
 * @param purpose offer or request; empty for a post that is neither and must stay off the board
 * @param needs   what the post is about, one entry per need, each the concept ids that rightly describe that need
 *                (intended first); empty when no concept applies ({@code other}), always empty for a post without
 *                a purpose
 * @param kind    gift, loan or time, when the post says
 * @param text    the post as written, line breaks restored
 */
record FreeTextPost(String id, String lang, Optional<Purpose> purpose, List<List<String>> needs, Optional<HelpKind> kind,
                    String text) {

    FreeTextPost {
        needs = needs.stream().map(List::copyOf).toList();
    }

    /** The scene number, the part of the id after the language; the split into two files goes by it. */
    int number() {
        return Integer.parseInt(id.substring(id.indexOf('-') + 1));
    }

    /** Every concept id that is a right answer for one of the needs. */
    List<String> acceptableConcepts() {
        return needs.stream().flatMap(List::stream).distinct().toList();
    }
}
