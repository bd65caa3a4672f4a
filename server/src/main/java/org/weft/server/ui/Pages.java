package org.weft.server.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.hibernate.Session;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.notification.NotificationService;
import org.weft.server.http.SameOrigin;
import org.weft.server.persistence.Database;
import org.weft.server.ui.auth.FormSubmissions;
import org.weft.server.ui.auth.SessionInfo;
import org.weft.server.ui.auth.Visitor;
import org.weft.server.ui.auth.Visitors;
import org.weft.web.i18n.Messages;
import org.weft.web.view.Confirmation;
import org.weft.web.view.FormError;
import org.weft.web.view.Frame;
import org.weft.web.view.KeptText;

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
    private final FormSubmissions submissions;
    private final Database db;

    /**
     * {@code notifications} gives the unread count the menu shows to a signed-in member on every page; {@code db} sends a
     * page rendered inside one of its transactions once that transaction has committed.
     */
    public Pages(Templates templates, Visitors visitors, SameOrigin sameOrigin, NotificationService notifications,
                 FormSubmissions submissions, Database db) {
        this.templates = templates;
        this.db = db;
        this.visitors = visitors;
        this.sameOrigin = sameOrigin;
        this.notifications = notifications;
        this.submissions = submissions;
    }

    /** A form's change, which says where to send the person after it (a path, with its notice and section). */
    public interface Change {
        String apply();
    }

    /**
     * Makes a form's change once: the first submit of the form's one-time token runs {@code change} and redirects to
     * where it says; a repeat of the token changes nothing and redirects where the first went (or to {@code fallback}
     * while the first is still running). A change that throws gives the token back and the caller shows why.
     */
    public void once(ServerResponse res, Visitor v, Map<String, List<String>> form, String fallback, Change change) {
        FormSubmissions.Claim claim = submissions.claim(Forms.first(form, "once"), v.member().map(SessionInfo::memberId)
                .orElse(null));
        if (claim instanceof FormSubmissions.Repeat repeat) {
            redirect(res, repeat.outcome().orElse(fallback));
            return;
        }
        String location;
        try {
            location = change.apply();
        } catch (RuntimeException e) {
            submissions.failed(claim);
            throw e;
        }
        submissions.succeeded(claim, location);
        redirect(res, location);
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
        render(res, status, v, Menu.sectionOf(v.target()), title, template, params);
    }

    /**
     * The same for a page whose menu entry depends on who reads it, not on its address: {@code section} is the entry
     * marked as the current page ({@code mine}, {@code responses}, …; null: none). A conversation is under "My
     * proposals" for the proposal's author and under "My responses" for the one who answered.
     */
    public void render(ServerResponse res, Status status, Visitor v, String section, String title, String template,
                       Map<String, ?> params) {
        render(res, status, v, section,
                v.member().map(member -> notifications.count(member.memberId(), true)).orElse(0L), title, template,
                params);
    }

    /**
     * {@link #render(ServerResponse, Visitor, String, String, Map)} for a page that renders inside its loading
     * transaction {@code s}: the menu's count is read there too, not in a second transaction that would hold a second
     * pooled connection while the first waits (as many signed-in views at once as the pool has connections would then
     * wait for each other until the pool's timeout).
     */
    public void render(ServerResponse res, Session s, Visitor v, String title, String template, Map<String, ?> params) {
        render(res, s, Status.OK_200, v, title, template, params);
    }

    /** The same with another status than 200 (400: the page again, with why a form on it was refused). */
    public void render(ServerResponse res, Session s, Status status, Visitor v, String title, String template,
                       Map<String, ?> params) {
        renderAfterCommit(res, status, v, unread(s, v), title, template, params);
    }

    /** {@link #message(ServerResponse, Status, Visitor, String, String, String, String)} inside the transaction {@code s}. */
    public void message(ServerResponse res, Session s, Status status, Visitor v, String title, String message,
                        String backUrl, String backKey) {
        message(res, s, status, v, title, message, backUrl, backKey, null);
    }

    /**
     * The same, giving back under the sentence what the visitor wrote and could not send ({@code kept}, or null), in a
     * box they can copy it from.
     */
    public void message(ServerResponse res, Session s, Status status, Visitor v, String title, String message,
                        String backUrl, String backKey, KeptText kept) {
        Map<String, Object> params = messageParams(v, message, backUrl, backKey);
        params.put("kept", kept);
        renderAfterCommit(res, status, v, unread(s, v), title, "message.jte", params);
    }

    /** The member's unread notifications for the menu, counted in the page's transaction {@code s}; 0 signed out. */
    private long unread(Session s, Visitor v) {
        return v.member().map(member -> notifications.count(s, member.memberId(), true)).orElse(0L);
    }

    private void render(ServerResponse res, Status status, Visitor v, String section, long unread, String title,
                        String template, Map<String, ?> params) {
        res.send(prepare(res, status, v, section, unread, title, template, params));
    }

    /**
     * Renders a page inside its transaction and sends it once that transaction has committed: a page that marks what it
     * shows as read (a conversation's notifications) must not reach the reader before the mark does, or whatever they
     * ask next could still find it unread. If the transaction rolls back, nothing is sent here and the error page is.
     */
    private void renderAfterCommit(ServerResponse res, Status status, Visitor v, long unread, String title,
                                   String template, Map<String, ?> params) {
        byte[] page = prepare(res, status, v, Menu.sectionOf(v.target()), unread, title, template, params);
        db.afterCommit(() -> res.send(page));
    }

    private byte[] prepare(ServerResponse res, Status status, Visitor v, String section, long unread, String title,
                           String template, Map<String, ?> params) {
        Messages m = v.messages();
        Frame frame = new Frame(m.language(), m.dir(), title, v.loggedIn(),
                v.member().map(SessionInfo::displayName).orElse(null), v.admin(), Visitors.formTokens(v),
                section, unread);
        Map<String, Object> all = new HashMap<>(params);
        all.put("f", frame);
        all.put("m", m);
        // Pages that show a member's own things must not be kept by shared caches.
        res.header(HeaderNames.CACHE_CONTROL, v.loggedIn() ? "private, no-store" : "no-cache");
        return templates.prepare(res, status, template, all);
    }

    public void message(ServerResponse res, Status status, Visitor v, String titleKey, String messageKey) {
        render(res, status, v, v.messages().get(titleKey), "message.jte", Map.of("message", v.messages().get(messageKey)));
    }

    /** A page with a sentence and a way back: to {@code backUrl} (named by {@code backKey}) and to the start page. */
    public void message(ServerResponse res, Status status, Visitor v, String title, String message, String backUrl,
                        String backKey) {
        render(res, status, v, title, "message.jte", messageParams(v, message, backUrl, backKey));
    }

    private static Map<String, Object> messageParams(Visitor v, String message, String backUrl, String backKey) {
        Map<String, Object> params = new HashMap<>();
        params.put("message", message);
        params.put("backUrl", backUrl);
        params.put("backLabel", backKey == null ? null : v.messages().get(backKey));
        return params;
    }

    /** Whether a destructive form came back from its confirmation page. */
    public static boolean confirmed(Map<String, List<String>> form) {
        return "yes".equals(Forms.first(form, "confirm"));
    }

    /** The page that asks before an action that cannot be undone; confirming sends the same form again. */
    public void confirm(ServerResponse res, Visitor v, String title, Confirmation confirmation) {
        render(res, Status.OK_200, v, title, "confirm.jte", Map.of("c", confirmation));
    }

    /** 404: nothing here, or nothing this visitor may know of. */
    public void notFound(ServerResponse res, Visitor v) {
        message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
    }

    /** {@link #notFound(ServerResponse, Visitor)} inside the transaction {@code s}. */
    public void notFound(ServerResponse res, Session s, Visitor v) {
        Messages m = v.messages();
        message(res, s, Status.NOT_FOUND_404, v, m.get("error.notFoundTitle"), m.get("error.notFound"), null, null);
    }

    /** 403: the visitor may see this but not do that. */
    public void forbidden(ServerResponse res, Visitor v) {
        message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "error.forbidden");
    }

    /** 400: a refused input, said in the visitor's language, with a way back to the page the form was on. */
    public void refused(ServerResponse res, Visitor v, RuntimeException e, String backUrl) {
        refused(res, Status.BAD_REQUEST_400, v, e, backUrl);
    }

    /** A refusal with its own status (409: the thing's state takes no more of this). */
    public void refused(ServerResponse res, Status status, Visitor v, RuntimeException e, String backUrl) {
        message(res, status, v, v.messages().get("error.title"), explain(v.messages(), e), backUrl,
                backUrl == null ? null : "common.back");
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

    /** A page only for members: sends visitors to the login page (which brings them back here) and returns false. */
    public static boolean requireMember(ServerResponse res, Visitor v) {
        if (v.loggedIn()) {
            return true;
        }
        redirect(res, ReturnTo.link("/login", v.target()));
        return false;
    }

    /**
     * Where to go after a successful form: back to {@code location}, with the notice {@code done} (its text is the
     * {@code notice.<done>} message) shown at the top of the section {@code anchor}, where the person was looking.
     */
    public static String done(String location, String done, String anchor) {
        String separator = location.contains("?") ? "&" : "?";
        return location + separator + "done=" + done + (anchor == null ? "" : "#" + anchor);
    }

    /**
     * The notice to show after a redirect from {@link #done}: the text of {@code notice.<done>} when {@code done}
     * is one the page expects ({@code allowed}), else null. Only known sentences, so a crafted link shows nothing odd.
     */
    public static String notice(ServerRequest req, Messages m, Set<String> allowed) {
        return req.query().first("done").filter(allowed::contains).map(d -> m.get("notice." + d)).orElse(null);
    }

    /**
     * A refused input as a sentence in the reader's language: a {@link DomainException}'s own message; for code that
     * still throws {@code IllegalArgumentException} with a message key, that key's text; else the general sentence.
     * Never the exception's own words, which are written for developers.
     */
    public static String explain(Messages m, RuntimeException e) {
        if (e instanceof DomainException domain) {
            return domain.messageIn(m);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.matches("[a-z]+(\\.[a-zA-Z_]+)+") && !m.get(message).equals(message)) {
            return m.get(message);
        }
        return m.get("error.invalid_input");
    }

    /**
     * A refused message's error for a form whose one field is {@code text} (a response, a conversation message, an
     * answer from here): beside the field when the refusal names it, else above the form.
     */
    public static FormError textRefusal(Messages m, RuntimeException e) {
        return new FormError("text".equals(fieldOf(e)) ? "text" : null, explain(m, e));
    }

    /** The field a refusal names, as the domain names it ({@code title}, {@code endsAt}), or null. */
    public static String fieldOf(RuntimeException e) {
        return e instanceof DomainException domain ? domain.field().orElse(null) : null;
    }
}
