package org.weft.server.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.notification.NotificationService;
import org.weft.server.http.SameOrigin;
import org.weft.server.ui.auth.SessionInfo;
import org.weft.server.ui.auth.Visitor;
import org.weft.server.ui.auth.Visitors;
import org.weft.web.i18n.Messages;
import org.weft.web.view.Frame;

/**
 * What every page handler shares: who the visitor is, rendering inside the frame (with the member's unread
 * notifications counted for the menu), redirects after a form, and the pages that refuse (403 for a form from another
 * site or without its CSRF token, 404).
 */
public final class Pages {
    private final Templates templates;
    private final Visitors visitors;
    private final SameOrigin sameOrigin;
    private final NotificationService notifications;

    /** {@code notifications} gives the unread count the menu shows to a signed-in member on every page. */
    public Pages(Templates templates, Visitors visitors, SameOrigin sameOrigin, NotificationService notifications) {
        this.templates = templates;
        this.visitors = visitors;
        this.sameOrigin = sameOrigin;
        this.notifications = notifications;
    }

    public Visitor visitor(ServerRequest req, ServerResponse res) {
        return visitors.resolve(req, res);
    }

    public Visitors visitors() {
        return visitors;
    }

    public void render(ServerResponse res, Visitor v, String title, String template, Map<String, ?> params) {
        render(res, Status.OK_200, v, title, template, params);
    }

    public void render(ServerResponse res, Status status, Visitor v, String title, String template, Map<String, ?> params) {
        Messages m = v.messages();
        long unread = v.member().map(member -> notifications.count(member.memberId(), true)).orElse(0L);
        Frame frame = new Frame(m.language(), m.dir(), title, v.loggedIn(),
                v.member().map(SessionInfo::displayName).orElse(null), v.admin(), v.csrfToken(), unread);
        Map<String, Object> all = new HashMap<>(params);
        all.put("f", frame);
        all.put("m", m);
        // Pages that show a member's own things must not be kept by shared caches.
        res.header(HeaderNames.CACHE_CONTROL, v.loggedIn() ? "private, no-store" : "no-cache");
        templates.render(res, status, template, all);
    }

    public void message(ServerResponse res, Status status, Visitor v, String titleKey, String messageKey) {
        render(res, status, v, v.messages().get(titleKey), "message.jte", Map.of("message", v.messages().get(messageKey)));
    }

    /** After a successful form: 303 so that reloading the next page does not submit again. */
    public static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303);
        res.header(HeaderNames.LOCATION, location);
        res.send();
    }

    /**
     * Reads a form and checks that it came from this site: its {@code Origin} (or {@code Referer}) names this
     * instance, and it carries the visitor's CSRF token. On failure answers 403 with a page and returns null, so
     * the caller changes nothing.
     */
    public Map<String, List<String>> form(ServerRequest req, ServerResponse res, Visitor v) {
        if (!sameOrigin.allows(req)) {
            message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "error.foreignOrigin");
            return null;
        }
        Map<String, List<String>> form;
        try {
            form = Forms.read(req);
        } catch (IllegalArgumentException e) {
            message(res, Status.REQUEST_ENTITY_TOO_LARGE_413, v, "error.title", "error.tooLarge");
            return null;
        }
        if (!Visitors.csrfOk(v, form)) {
            message(res, Status.FORBIDDEN_403, v, "error.csrfTitle", "error.csrf");
            return null;
        }
        return form;
    }

    /** A page only for members: sends visitors to the login page and returns false. */
    public static boolean requireMember(ServerResponse res, Visitor v) {
        if (v.loggedIn()) {
            return true;
        }
        redirect(res, "/login");
        return false;
    }

    /** A refused input as a readable sentence: a message key when the service gave one, else its own words. */
    public static String explain(Messages m, RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.matches("[a-zA-Z]+\\.[a-zA-Z.]+") ? m.get(message) : message;
    }
}
