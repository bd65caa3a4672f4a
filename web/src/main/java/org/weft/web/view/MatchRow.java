package org.weft.web.view;

import java.util.List;

/**
 * One of a member's matches: their own proposal and the other one, with only what the other proposal itself shows
 * (never who a remote author is), and the reasons in the member's language. Plain text throughout.
 *
 * @param otherUrl the other proposal's page: ours, or its URL on its own server
 * @param unlinked  the other proposal came through a link that has ended: no longer shown or answered here, so its
 *                  title leads nowhere and a label says why
 */
public record MatchRow(long id, String mineTitle, String mineUrl, String otherUrl, String otherPurposeLabel,
                       String otherTitle, String otherCategories, String otherArea, String otherUntil,
                       List<String> reasons, boolean open, String mineLang, String otherLang, boolean unlinked) {

    public MatchRow {
        reasons = List.copyOf(reasons);
    }
}
