package org.weft.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.notification.NotificationService;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;

/**
 * {@code GET /me}: who the token belongs to, the communities one can post to, and how many
 * notifications are unread — what a client needs to start.
 */
final class MeApi {
    private final Database db;
    private final ApiAuth auth;
    private final NotificationService notifications;
    private final LocalUrls urls;

    MeApi(Database db, ApiAuth auth, NotificationService notifications, LocalUrls urls) {
        this.db = db;
        this.auth = auth;
        this.notifications = notifications;
        this.urls = urls;
    }

    void show(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        ObjectNode body = db.inTransaction(s -> {
            ActorEntity me = s.find(ActorEntity.class, member.id());
            ObjectNode json = ApiJson.object().put("username", me.getUsername()).put("displayName", me.getDisplayName())
                    .put("handle", "@" + me.getUsername() + "@" + urls.domain()).put("uri", me.getUri());
            ArrayNode communities = json.putArray("communities");
            for (ActorEntity group : ActorRepository.localGroups(s)) {
                communities.addObject().put("name", group.getUsername()).put("displayName", group.getDisplayName())
                        .put("handle", "@" + group.getUsername() + "@" + urls.domain()).put("uri", group.getUri());
            }
            return json;
        });
        body.put("unreadNotifications", notifications.count(member.id(), true));
        ApiReplies.ok(res, body);
    }
}
