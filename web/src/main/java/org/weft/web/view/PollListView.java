package org.weft.web.view;

import java.util.List;

/**
 * A community's polls, newest first, and the form to open one for those who may.
 *
 * @param heading        the page's heading
 * @param community      the community's username (the form posts to its polls)
 * @param rows           the polls
 * @param canOpen        the reader may open a poll here
 * @param moderates      the reader moderates the community (may let members open polls)
 * @param membersMayOpen whether members may open polls now
 * @param notice         what the last form did (null: nothing)
 * @param error          why the last open form was refused (null: it was not)
 */
public record PollListView(String heading, String community, List<Row> rows, boolean canOpen, boolean moderates,
                           boolean membersMayOpen, String notice, String error) {
    /**
     * @param href     the poll's page
     * @param question the question (people's text)
     * @param status   open until when, or final since when
     * @param voters   how many voted, in the reader's language
     */
    public record Row(String href, String question, String status, String voters) {
    }
}
