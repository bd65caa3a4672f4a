package org.weft.web.view;

import java.util.List;

/**
 * One of a member's matches: their own proposal and the other one, with only what the other proposal itself shows
 * (never who a remote author is), and the reasons in the member's language. Plain text throughout.
 *
 * @param otherUrl  the other proposal's page: ours, or its URL on its own server; null when that page is gone (the
 *                  proposal was withdrawn, deleted, hidden or its copy let go): its title then leads nowhere
 * @param unlinked  the match ended because the link the other proposal came through ended: a label says so
 * @param withdrawn the match ended otherwise (a side closed, or changed so that the two no longer fit): a label says
 *                  so, and the reasons it once had are not shown as if it still fitted
 */
public record MatchRow(long id, String mineTitle, String mineUrl, String otherUrl, String otherPurposeLabel,
                       String otherTitle, String otherCategories, String otherArea, String otherUntil,
                       List<String> reasons, boolean open, String mineLang, String otherLang, boolean unlinked,
                       boolean withdrawn) {

    public MatchRow {
        reasons = List.copyOf(reasons);
    }
}
