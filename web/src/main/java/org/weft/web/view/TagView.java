package org.weft.web.view;

import java.util.List;

/**
 * The page behind a hashtag link in a federated post ({@code /tags/food}): what the tag stands for, one page of
 * the open offers and requests hosted here that carry it, and links to the pages around it (null when none).
 */
public record TagView(String tag, String meaning, List<ProposalCard> cards, String total, String previousUrl,
                      String nextUrl) {
}
