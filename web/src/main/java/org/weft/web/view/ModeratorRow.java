package org.weft.web.view;

/**
 * A moderator as a community's page lists them.
 *
 * @param name     the member's display name
 * @param handle   {@code @name@host}
 * @param url      the member's profile page
 * @param operator whether they moderate as an operator of the server (every community) rather than by being chosen
 * @param username the member's username where a page offers to remove them, else null
 */
public record ModeratorRow(String name, String handle, String url, boolean operator, String username) {
}
