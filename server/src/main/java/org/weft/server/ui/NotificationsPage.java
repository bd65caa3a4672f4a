package org.weft.server.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.notification.NotificationDetail;
import org.weft.server.domain.notification.NotificationService;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.NotificationRow;

/**
 * {@code /me/notifications}: the member's notifications, newest first, a page at a time, the unread ones marked, each
 * in their language and linking to what it is about through {@code /me/notifications/{id}}, which marks it read on the
 * way. Without JavaScript: "mark as read" is a form per notification, and one for all.
 */
public final class NotificationsPage {
    /** Notifications per page: thirty rows with their forms and shortened messages stay well inside the page weight. */
    static final int PAGE = 30;
    /** A message's words on its notification, shortened; the whole message is where the link leads. */
    private static final int EXCERPT = 200;
    private static final int MAX_PAGE = 1_000;

    private final Pages pages;
    private final NotificationService notifications;

    public NotificationsPage(Pages pages, NotificationService notifications) {
        this.pages = pages;
        this.notifications = notifications;
    }

    public void render(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        Messages m = v.messages();
        long member = v.member().get().memberId();
        int page = page(req);
        List<NotificationRow> rows = notifications.details(member, false, page, PAGE).stream()
                .map(n -> new NotificationRow(n.id(), NotificationLinks.title(n, m), "/me/notifications/" + n.id(),
                        excerpt(n.text()), m.date(n.created()), !n.read())).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("rows", rows);
        params.put("next", notifications.count(member, false) > (long) page * PAGE && page < MAX_PAGE
                ? "/me/notifications?page=" + (page + 1) : null);
        pages.render(res, v, m.get("notifications.title"), "notifications.jte", params);
    }

    /** Follows a notification's link: marks it read and goes to what it is about. */
    public void open(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        Optional<NotificationDetail> n = id(req).flatMap(id -> notifications.open(v.member().get().memberId(), id));
        if (n.isEmpty()) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
            return;
        }
        Pages.redirect(res, NotificationLinks.target(n.get()));
    }

    public void markRead(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (pages.form(req, res, v) == null || !Pages.requireMember(res, v)) {
            return;
        }
        Optional<Long> id = id(req);
        if (id.isEmpty() || notifications.open(v.member().get().memberId(), id.get()).isEmpty()) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
            return;
        }
        Pages.redirect(res, "/me/notifications#notification-" + id.get());
    }

    public void markAllRead(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (pages.form(req, res, v) == null || !Pages.requireMember(res, v)) {
            return;
        }
        notifications.markRead(v.member().get().memberId(), null);
        Pages.redirect(res, "/me/notifications");
    }

    private static int page(ServerRequest req) {
        try {
            return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(req.query().first("page").orElse("1"))));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String excerpt(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= EXCERPT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, EXCERPT)) + "…";
    }

    private static Optional<Long> id(ServerRequest req) {
        try {
            return Optional.of(Long.parseLong(req.path().pathParameters().get("id")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
