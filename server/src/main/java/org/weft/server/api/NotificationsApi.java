package org.weft.server.api;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.notification.NotificationDetail;
import org.weft.server.domain.notification.NotificationService;

/** {@code GET /me/notifications} and {@code POST /me/notifications/read}: the signed-in member's own. */
final class NotificationsApi {
    private final NotificationService service;
    private final ApiAuth auth;

    NotificationsApi(NotificationService service, ApiAuth auth) {
        this.service = service;
        this.auth = auth;
    }

    void list(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        SearchParameters.allowOnly(req, Set.of("unread", "page", "size"));
        String unreadText = req.query().first("unread").orElse("false");
        if (!unreadText.equals("true") && !unreadText.equals("false")) {
            throw ApiException.badField("unread", "field_choice", "unread", "true, false");
        }
        boolean unreadOnly = Boolean.parseBoolean(unreadText);
        int page = SearchParameters.page(req);
        int size = SearchParameters.size(req);
        ObjectNode body = ApiJson.object();
        ArrayNode items = body.putArray("items");
        for (NotificationDetail n : service.details(member.id(), unreadOnly, page, size)) {
            ObjectNode item = items.addObject().put("id", n.id()).put("kind", n.kind() == null ? null : n.kind().wire())
                    .put("proposalId", n.proposalId()).put("responseId", n.responseId())
                    .put("created", n.created().toString()).put("read", n.read())
                    .put("count", n.count());
            if (n.matchId() != null) {
                item.put("matchId", n.matchId());
            }
            if (n.text() != null) {
                item.put("text", n.text());
                item.put("from", n.from());
            } else if (n.from() != null) {
                // Who took their answer back: a notice without words of its own.
                item.put("from", n.from());
            }
        }
        body.put("page", page).put("size", size).put("total", service.count(member.id(), unreadOnly))
                .put("unread", service.count(member.id(), true));
        ApiReplies.ok(res, body);
    }

    /** Marks {@code ids} read, or every notification when the body is empty or has no ids. */
    void markRead(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        List<Long> ids = JsonBody.readOptional(req, Set.of("ids")).longList("ids");
        if (ids != null && ids.size() > 1_000) {
            throw ApiException.badField("ids", "ids_too_many", 1_000);
        }
        int marked = service.markRead(member.id(), ids);
        ApiReplies.ok(res, ApiJson.object().put("marked", marked).put("unread", service.count(member.id(), true)));
    }
}
