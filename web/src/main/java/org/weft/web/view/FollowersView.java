package org.weft.web.view;

import java.util.List;

/**
 * The followers page of a community (for its moderators) or of a member's own account.
 *
 * @param heading          the page's title
 * @param help             what approving and removing do, in the reader's language
 * @param actionBase       where the forms post ({@code …/approval}, {@code …/decide})
 * @param approvalRequired whether new follows wait for approval
 * @param reach            who community-only posts reach, with numbers (communities only; else null)
 * @param waiting          follows waiting for a decision
 * @param following        current followers
 * @param moderated        the communities the reader moderates (value: page URL, label: name)
 * @param notice           a confirmation to show, or null
 * @param error            a refusal to show, or null
 */
public record FollowersView(String heading, String help, String actionBase, boolean approvalRequired, String reach,
                            List<FollowerRow> waiting, List<FollowerRow> following, List<Option> moderated, String notice,
                            String error) {
}
