package org.weft.server.ui.auth;

/**
 * The member behind a valid session cookie.
 *
 * @param language the member's chosen page language, or null to follow the browser
 */
public record SessionInfo(long memberId, String username, String displayName, String csrfToken, boolean admin,
                          String language) {
}
