package org.weft.web.view;

import java.util.List;

/**
 * A community's board for paper: its open requests and offers in two tables, with what a reader needs to answer
 * without a phone (the reference to give a coordinator, the community's handle and address), and a choice of the
 * page's language (shown on screen, not printed).
 *
 * @param printedOn the date, in the page's language
 * @param printPath the page's own path, where the choice of language is sent
 * @param languages the six languages, the page's own marked
 */
public record PrintBoardView(String communityName, String handle, String boardUrl, String printedOn,
                             List<Section> sections, String printPath, List<Language> languages) {

    /**
     * Requests or offers.
     *
     * @param more a sentence saying how many more are on the board, or null when all are printed
     */
    public record Section(String heading, List<Row> rows, String empty, String more) {
    }

    /** One language the page comes in: its tag, its name in itself, and whether it is this page's. */
    public record Language(String lang, String name, boolean current) {
    }

    /** One proposal as printed; {@code language} is the tag of its own text. */
    public record Row(String reference, String title, String language, String kind, String categories, String area,
                      String until) {
    }
}
