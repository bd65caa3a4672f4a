package org.weft.server.ui;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.actor.CommunityTexts;
import org.weft.server.domain.account.Invites;
import org.weft.server.domain.account.SignupMode;
import org.weft.server.ui.auth.Visitor;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.domain.actor.LocalActorService;
import org.weft.server.domain.follow.LinkService;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.MemberSettingEntity;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.queue.DeliveryQueue;
import org.weft.web.i18n.Messages;
import org.weft.web.view.CommunityText;
import org.weft.web.view.AdminView;
import org.weft.web.view.Option;

/**
 * {@code /admin}: the operator's page (communities, instance links, areas, invites, members, delivery queue). Admins
 * only.
 */
public final class OperatorPage {
    private final Pages pages;
    private final Database db;
    private final ProfilePage profiles;
    private final AreaService areas;
    private final Invites invites;
    private final LocalActorService actors;
    private final SignupMode signup;
    private final Clock clock;
    private final InstanceLinks links;
    private final CommunityTexts texts;

    public OperatorPage(Pages pages, Database db, ProfilePage profiles, AreaService areas, Invites invites,
                        LocalActorService actors, SignupMode signup, Clock clock, LinkService links,
                        CommunityTexts texts) {
        this.pages = pages;
        this.db = db;
        this.profiles = profiles;
        this.areas = areas;
        this.invites = invites;
        this.actors = actors;
        this.signup = signup;
        this.clock = clock;
        this.links = new InstanceLinks(links);
        this.texts = texts;
    }

    public void render(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (refused(res, v)) {
            return;
        }
        show(res, Status.OK_200, v, req.query().first("done").map(d -> v.messages().get("account.saved")).orElse(null));
    }

    public void createInvite(ServerRequest req, ServerResponse res) {
        post(req, res, (v, form) -> invites.create(Forms.first(form, "note"), null));
    }

    public void createArea(ServerRequest req, ServerResponse res) {
        post(req, res, (v, form) -> areas.create(Forms.first(form, "code"), Forms.first(form, "name"), null, null));
    }

    public void createCommunity(ServerRequest req, ServerResponse res) {
        post(req, res, (v, form) -> actors.createGroup(Forms.first(form, "name"), Forms.first(form, "display"),
                Forms.first(form, "about")));
    }

    /** A community's "about" and rules. */
    public void saveTexts(ServerRequest req, ServerResponse res) {
        post(req, res, (v, form) -> texts.save(Forms.first(form, "community"), Forms.first(form, "about"),
                Forms.first(form, "rules")));
    }

    /** Links one of our communities to a community elsewhere, by handle or URL. */
    public void link(ServerRequest req, ServerResponse res) {
        post(req, res, (v, form) -> refuseWith(links.link(Forms.first(form, "community"), Forms.first(form, "target"),
                v.messages())));
    }

    public void unlink(ServerRequest req, ServerResponse res) {
        post(req, res, (v, form) -> refuseWith(links.unlink(Forms.first(form, "community"), Forms.first(form, "target"),
                v.messages())));
    }

    /** The link helpers answer with a sentence rather than throwing; the form handling below expects a throw. */
    private static void refuseWith(String error) {
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
    }

    private interface Change {
        void apply(Visitor v, Map<String, List<String>> form);
    }

    private void post(ServerRequest req, ServerResponse res, Change change) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || refused(res, v)) {
            return;
        }
        try {
            change.apply(v, form);
            Pages.redirect(res, "/admin?done=1");
        } catch (IllegalArgumentException e) {
            show(res, Status.BAD_REQUEST_400, v, Pages.explain(v.messages(), e));
        }
    }

    /** Not an operator: logged-out visitors go to the login page, members get a 403 page. */
    private boolean refused(ServerResponse res, Visitor v) {
        if (!Pages.requireMember(res, v)) {
            return true;
        }
        if (!v.admin()) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "error.forbidden");
            return true;
        }
        return false;
    }

    private void show(ServerResponse res, Status status, Visitor v, String notice) {
        Messages m = v.messages();
        var stats = new DeliveryQueue(db).stats(clock.instant());
        List<String> backlog = new DeliveryQueue(db).backlogByHost(10).stream()
                .map(h -> h.host() + ": " + m.number(h.pending())).toList();
        List<AdminView.MemberRow> members = db.inTransaction(s -> ActorRepository.newestLocal(s, ActorKind.PERSON, 200).stream()
                .map(a -> {
                    MemberSettingEntity setting = s.find(MemberSettingEntity.class, a.getId());
                    return new AdminView.MemberRow(a.getUsername(), a.getDisplayName(), m.date(a.getCreatedAt()),
                            setting != null && setting.isAdmin());
                }).toList());
        List<ActorEntity> groups = db.inTransaction(ActorRepository::localGroups);
        AdminView view = new AdminView(groups.stream().map(g -> profiles.card(g, m)).toList(),
                areas.all().stream().map(a -> new Option(a.getCode(), a.getName(), false)).toList(),
                invites.recent(20).stream().map(i -> new AdminView.InviteRow(i.getCode(), i.getNote() == null ? "" : i.getNote(),
                        m.date(i.getExpiresAt()), i.getUsedAt() != null)).toList(),
                members, m.number(stats.pending()), m.number(stats.due()), m.number(stats.delivered()),
                m.number(stats.gaveUp()), backlog, m.get("signup.mode." + signup.name().toLowerCase()));
        Map<String, Object> params = new HashMap<>();
        params.put("a", view);
        params.put("notice", notice);
        params.put("texts", texts.all().stream().map(t -> new CommunityText(t.username(), t.displayName(), t.about(),
                t.rules())).toList());
        params.put("links", links.all(groups.stream().map(ActorEntity::getUsername).toList(), m));
        pages.render(res, status, v, m.get("admin.title"), "admin.jte", params);
    }
}
