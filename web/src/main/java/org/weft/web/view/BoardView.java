package org.weft.web.view;

import java.util.List;

/**
 * A community's board: the filters as chosen, the options for each, one page of proposals and links to the
 * pages around it (null when there is none): newer and older, found by the sort key of the page's first and last card.
 * {@code feeds} are the Atom feeds the page's head names (the whole board's, and the one of what the filters chose);
 * {@code downloads} the open data files and the printable board it links to.
 */
public record BoardView(String community, String communityName, String handle, String query, List<Option> purposes,
                        List<OptionGroup> categories, boolean categoryChosen, List<Option> areas, List<Option> statuses,
                        List<ProposalCard> cards, String total, String previousUrl, String nextUrl, List<Link> feeds,
                        List<Link> downloads) {
}
