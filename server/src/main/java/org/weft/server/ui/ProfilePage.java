package org.weft.server.ui;

import java.util.Map;

import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.FollowRepository;
import org.weft.server.domain.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorKind;
import org.weft.server.persistence.Database;
import org.weft.web.view.ActorCard;

/** The HTML profile of a local member or community. */
public final class ProfilePage {
    private final Database db;
    private final LocalUrls urls;
    private final Templates templates;

    public ProfilePage(Database db, LocalUrls urls, Templates templates) {
        this.db = db;
        this.urls = urls;
        this.templates = templates;
    }

    public void render(ServerResponse res, ActorEntity actor) {
        // Communities offer the remote-follow form; members are followed from the visitor's own server search.
        templates.render(res, "profile.jte", Map.of("actor", card(actor), "remoteFollow", actor.getKind() == ActorKind.GROUP));
    }

    public ActorCard card(ActorEntity actor) {
        long[] counts = db.inTransaction(s -> new long[] {FollowRepository.countFollowers(s, actor),
                FollowRepository.countFollowing(s, actor)});
        return new ActorCard(actor.getDisplayName(), "@" + actor.getUsername() + "@" + urls.domain(),
                actor.getKind() == ActorKind.GROUP ? "Community" : "Member",
                actor.getSummary(), actor.getUri(), counts[0], counts[1]);
    }
}
