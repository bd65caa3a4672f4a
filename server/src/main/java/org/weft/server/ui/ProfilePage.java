package org.weft.server.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.actor.CommunityTexts;
import org.weft.server.domain.follow.LinkService;
import org.weft.server.domain.moderation.Moderators;
import org.weft.server.model.ActorKind;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.ActorCard;
import org.weft.web.view.ModeratorRow;

/**
 * The HTML profile of a local member, or a community's page (about, followers, how to follow, its board, its
 * moderators, linked communities), at the actor's own URL: browsers get this page, ActivityPub clients the actor
 * document ({@code http.Wants} routes each request to one or the other).
 */
public final class ProfilePage {
    private final Database db;
    private final LocalUrls urls;
    private final Pages pages;
    private final InstanceLinks links;
    private final CommunityTexts texts;

    public ProfilePage(Database db, LocalUrls urls, Pages pages, LinkService links, CommunityTexts texts) {
        this.db = db;
        this.urls = urls;
        this.pages = pages;
        this.links = new InstanceLinks(links);
        this.texts = texts;
        // Only read here (the clock stamps edits, which the operator page makes).
    }

    /** {@code GET /users/{name}} for a browser. */
    public void member(ServerRequest req, ServerResponse res) {
        show(req, res, ActorKind.PERSON, req.path().pathParameters().get("name"));
    }

    /** {@code GET /groups/{name}} for a browser. */
    public void group(ServerRequest req, ServerResponse res) {
        show(req, res, ActorKind.GROUP, req.path().pathParameters().get("name"));
    }

    /** Read from the database each time (the page shows more than the actor document). */
    private void show(ServerRequest req, ServerResponse res, ActorKind kind, String name) {
        String username = name.toLowerCase(Locale.ROOT);
        Optional<ActorEntity> actor = db.inTransaction(s -> ActorRepository.local(s, kind, username));
        // A browser: the same pages in its language as a missing or removed proposal (ActivityPub and JSON clients
        // never come here; the actor endpoint answers them in JSON).
        if (actor.isEmpty()) {
            pages.notFound(res, pages.visitor(req, res));
            return;
        }
        if (actor.get().isDeleted()) {
            Visitor v = pages.visitor(req, res);
            Messages m = v.messages();
            pages.message(res, Status.GONE_410, v, m.get("gone.title"),
                    m.get(kind == ActorKind.GROUP ? "gone.community" : "gone.member"), null, null);
            return;
        }
        render(req, res, actor.get());
    }

    public void render(ServerRequest req, ServerResponse res, ActorEntity actor) {
        Visitor v = pages.visitor(req, res);
        // Communities offer the remote-follow form; members are followed from the visitor's own server search.
        boolean community = actor.getKind() == ActorKind.GROUP;
        Map<String, Object> params = new HashMap<>();
        params.put("actor", card(actor, v.messages()));
        params.put("remoteFollow", community);
        params.put("rules", community ? texts.rules(actor.getId()) : null);
        params.put("links", community ? links.shown(actor.getUsername(), v.messages()) : List.of());
        params.put("moderators", community ? moderators(actor) : List.of());
        params.put("approvalRequired", community && actor.isManuallyApproves());
        params.put("manage", community && v.member().map(i -> db.inTransaction(
                s -> Moderators.moderates(s, i.memberId(), actor.getId()))).orElse(false));
        pages.render(res, v, actor.getDisplayName(), "profile.jte", params);
    }

    /** Who moderates the community, as its page lists them (the same people as its moderators collection). */
    private List<ModeratorRow> moderators(ActorEntity community) {
        return db.inTransaction(s -> Moderators.list(s, community.getId())).stream()
                .map(m -> new ModeratorRow(m.displayName(), "@" + m.username() + "@" + urls.domain(), m.actorUri(),
                        m.operator(), null))
                .toList();
    }

    public ActorCard card(ActorEntity actor, Messages m) {
        long[] counts = db.inTransaction(s -> new long[] {FollowRepository.countFollowers(s, actor),
                FollowRepository.countFollowing(s, actor)});
        return new ActorCard(actor.getDisplayName(), "@" + actor.getUsername() + "@" + urls.domain(),
                m.get(actor.getKind() == ActorKind.GROUP ? "profile.community" : "profile.member"),
                actor.getSummary(), actor.getUri(), counts[0], counts[1], actor.getUsername());
    }
}
