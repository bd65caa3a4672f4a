package org.weft.web.view;

import java.util.List;

/**
 * A community's public decisions page: every decision, newest first, with its counts (never who voted), the form
 * proposing new rules for those who may open a poll, and the majority's switch for moderators.
 *
 * @param heading      the page's heading
 * @param community    the community's username (the forms post to it)
 * @param majorityLine the majority decisions need now, in the reader's language
 * @param consent      the majority now is consent (the form explains "against" and "I object")
 * @param rows         the decisions
 * @param canOpen      the reader may propose new rules
 * @param moderates    the reader moderates the community (may change the majority)
 * @param majorities   the majorities to choose from, the current one marked
 * @param notice       what the last form did (null: nothing)
 * @param error        why the last proposal was refused (null: it was not)
 * @param draft        the text of a refused proposal, given back to the form
 */
public record DecisionsView(String heading, String community, String majorityLine, boolean consent, List<Row> rows,
                            boolean canOpen, boolean moderates, List<Choice> majorities, String notice, String error,
                            String draft) {
    /**
     * One decision.
     *
     * @param pollHref    its poll's page
     * @param proposed    the proposed rules, in full (people's text)
     * @param majority    the majority that applied, translated
     * @param counts      the final counts, translated (null while the vote is open)
     * @param outcome     adopted, not adopted, void, or open until when, translated
     * @param outcomeCode adopted, rejected or void (a class for the page; null while open)
     * @param decided     when it was decided, translated (null while open)
     * @param isoDecided  the same time, ISO 8601 (null while open)
     */
    public record Row(String pollHref, String proposed, String majority, String counts, String outcome,
                      String outcomeCode, String decided, String isoDecided) {
    }

    /**
     * @param word     what the form sends
     * @param label    its name, translated
     * @param selected whether it is the community's majority now
     */
    public record Choice(String word, String label, boolean selected) {
    }
}
