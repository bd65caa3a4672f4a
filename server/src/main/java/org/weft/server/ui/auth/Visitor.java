package org.weft.server.ui.auth;

import java.util.Optional;

import org.weft.web.i18n.Messages;

/**
 * Who is looking at a page: a logged-in member or not, in which language, the CSRF token their forms carry, and where
 * they are ({@code target}: the path and query asked for, so a login can bring them back).
 */
public record Visitor(Optional<SessionInfo> member, Messages messages, String csrfToken, String target) {
    public boolean loggedIn() {
        return member.isPresent();
    }

    public boolean admin() {
        return member.map(SessionInfo::admin).orElse(false);
    }

    public String username() {
        return member.map(SessionInfo::username).orElse(null);
    }
}
