package org.weft.web.view;

import java.util.List;

/**
 * A community's moderation page, for its moderators.
 *
 * @param heading    the page's title
 * @param base       the page's path ({@code /moderate/NAME}); the forms post below it
 * @param moderators who moderates; those with a username may be removed from this page (operators may not)
 * @param reach      who the community's community-only posts reach, with numbers
 * @param reviewsAll every post from another server waits for a moderator, however sure its reading
 * @param notice     a confirmation to show, or null
 * @param error      a refusal to show, or null
 */
public record ModerationView(String heading, String base, List<ModeratorRow> moderators, String reach,
                             boolean reviewsAll, String notice, String error) {
}
