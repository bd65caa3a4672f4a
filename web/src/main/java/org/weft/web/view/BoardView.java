package org.weft.web.view;

import java.util.List;

/**
 * A community's board: the filters as chosen, the options for each, one page of proposals and links to the
 * pages around it (null when there is none): newer and older, found by the sort key of the page's first and last card.
 */
public record BoardView(String community, String communityName, String handle, String query, List<Option> purposes,
                        List<OptionGroup> categories, boolean categoryChosen, List<Option> areas, List<Option> statuses,
                        List<ProposalCard> cards, String total, String previousUrl, String nextUrl) {
}
