package org.weft.web.view;

import java.util.List;

/**
 * One poll's page: the question, each option with its count (never who chose it), and, for a member who may still
 * vote, a form without JavaScript (radio buttons for one choice, check boxes for several).
 *
 * @param heading     the page's heading
 * @param question    the question (people's text)
 * @param status      open until when, or final since when, in the reader's language
 * @param votersLine  how many voted, in the reader's language
 * @param options     the options with their counts
 * @param multiple    several options may be chosen
 * @param canVote     the reader is a member who has not voted and the poll is open
 * @param voteAction  where the vote form posts
 * @param youVoted    the reader's own vote, said to them alone (null when they have not voted)
 * @param canClose    the reader moderates the community and the poll is open
 * @param closeAction where the early-close form posts
 * @param notice      what the last form did (null: nothing)
 * @param backHref    the community's polls
 * @param details     the text under the question, in full (a decision's proposed rules), or null
 * @param decisionsHref the community's decisions page when this poll is a decision, else null
 */
public record PollView(String heading, String question, String status, String votersLine, List<Option> options,
                       boolean multiple, boolean canVote, String voteAction, String youVoted, boolean canClose,
                       String closeAction, String notice, String backHref, String details, String decisionsHref) {
    /** A poll with nothing under its question. */
    public PollView(String heading, String question, String status, String votersLine, List<Option> options,
                    boolean multiple, boolean canVote, String voteAction, String youVoted, boolean canClose,
                    String closeAction, String notice, String backHref) {
        this(heading, question, status, votersLine, options, multiple, canVote, voteAction, youVoted, canClose,
                closeAction, notice, backHref, null, null);
    }

    /**
     * @param position what the form sends
     * @param name     the option's text
     * @param count    how many chose it
     * @param percent  its share of the voters, 0–100
     */
    public record Option(int position, String name, long count, int percent) {
    }
}
