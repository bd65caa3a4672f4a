package org.weft.server.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.actor.CommunityTexts;
import org.weft.server.domain.actor.LocalActorService;
import org.weft.server.domain.follow.LinkService;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.CommunityText;
import org.weft.web.view.Confirmation;
import org.weft.web.view.FormError;
import org.weft.web.view.Notice;

/**
 * The operator's sections about communities: {@code /admin/communities} (create one; each one's "about" and rules)
 * and {@code /admin/links} (link them to communities on other instances, and unlink after asking).
 */
public final class OperatorCommunities {
    private final OperatorForms forms;
    private final Database db;
    private final ProfilePage profiles;
    private final LocalActorService actors;
    private final InstanceLinks links;
    private final CommunityTexts texts;

    public OperatorCommunities(Pages pages, Database db, ProfilePage profiles, LocalActorService actors, LinkService links,
                               CommunityTexts texts) {
        this.forms = new OperatorForms(pages);
        this.db = db;
        this.profiles = profiles;
        this.actors = actors;
        this.links = new InstanceLinks(links);
        this.texts = texts;
    }

    public void communities(ServerRequest req, ServerResponse res) {
        Visitor v = forms.pages().visitor(req, res);
        if (forms.refused(res, v)) {
            return;
        }
        String done = req.query().first("done").orElse("");
        String section = done.equals("community_created") ? "create"
                : "texts-" + req.query().first("community").orElse("").replaceAll("[^a-z0-9_]", "");
        String notice = Pages.notice(req, v.messages(), Set.of("community_created", "texts_saved"));
        showCommunities(res, v, notice == null ? null : new Notice(section, notice), null, null);
    }

    public void createCommunity(ServerRequest req, ServerResponse res) {
        forms.post(req, res, "/admin/communities", (v, form) -> {
            actors.createGroup(Forms.first(form, "name"), Forms.first(form, "display"), Forms.first(form, "about"));
            return Pages.done("/admin/communities", "community_created", "create");
        }, (v, form, e) -> showCommunities(res, v, null, e, null));
    }

    /** A community's "about" and rules. */
    public void saveTexts(ServerRequest req, ServerResponse res) {
        forms.post(req, res, "/admin/communities", (v, form) -> {
            String community = Forms.first(form, "community");
            texts.save(community, Forms.first(form, "about"), Forms.first(form, "rules"));
            return Pages.done("/admin/communities?community=" + community, "texts_saved", "texts-" + community);
        }, (v, form, e) -> showCommunities(res, v, null, e, Forms.first(form, "community")));
    }

    public void links(ServerRequest req, ServerResponse res) {
        Visitor v = forms.pages().visitor(req, res);
        if (!forms.refused(res, v)) {
            String notice = Pages.notice(req, v.messages(), Set.of("linked", "unlinked"));
            showLinks(res, v, notice == null ? null : new Notice("links", notice), null);
        }
    }

    /** Links one of our communities to a community elsewhere, by handle or URL. */
    public void link(ServerRequest req, ServerResponse res) {
        forms.post(req, res, "/admin/links", (v, form) -> {
            refuseWith(links.link(Forms.first(form, "community"), Forms.first(form, "target"), v.messages()));
            return Pages.done("/admin/links", "linked", "links");
        }, (v, form, e) -> showLinks(res, v, null, new FormError("target", words(v.messages(), e))));
    }

    /** Unlinks, after asking on a page of its own. */
    public void unlink(ServerRequest req, ServerResponse res) {
        Visitor v = forms.pages().visitor(req, res);
        Map<String, List<String>> form = forms.pages().form(req, res, v);
        if (form == null || forms.refused(res, v)) {
            return;
        }
        if (!Pages.confirmed(form)) {
            Messages m = v.messages();
            forms.pages().confirm(res, v, m.get("confirm.unlinkTitle"), new Confirmation(
                    links.handle(Forms.first(form, "community"), Forms.first(form, "target")), null,
                    m.get("confirm.unlink"), "/admin/links/remove", List.of(
                            new Confirmation.Field("community", Forms.first(form, "community")),
                            new Confirmation.Field("target", Forms.first(form, "target"))),
                    m.get("admin.unlink"), "/admin/links"));
            return;
        }
        forms.post(res, v, form, "/admin/links", (visitor, f) -> {
            refuseWith(links.unlink(Forms.first(f, "community"), Forms.first(f, "target"), visitor.messages()));
            return Pages.done("/admin/links", "unlinked", "links");
        }, (visitor, f, e) -> showLinks(res, visitor, null, new FormError(null, words(visitor.messages(), e))));
    }

    /** The link helpers answer with a sentence in the reader's words rather than throwing; the forms expect a throw. */
    private static void refuseWith(String error) {
        if (error != null) {
            throw new Refusal(error);
        }
    }

    private static String words(Messages m, RuntimeException e) {
        return e instanceof Refusal ? e.getMessage() : Pages.explain(m, e);
    }

    /** A refusal already put in the reader's words. */
    private static final class Refusal extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Refusal(String words) {
            super(words);
        }
    }

    private void showCommunities(ServerResponse res, Visitor v, Notice notice, RuntimeException error, String community) {
        Messages m = v.messages();
        List<ActorEntity> groups = db.inTransaction(ActorRepository::localGroups);
        Map<String, Object> params = new HashMap<>();
        params.put("communities", groups.stream().map(g -> profiles.card(g, m)).toList());
        params.put("texts", texts.all().stream().map(t -> new CommunityText(t.username(), t.displayName(), t.about(),
                t.rules())).toList());
        params.put("notice", notice);
        params.put("error", error == null ? null : new FormError(fieldOf(error), Pages.explain(m, error)));
        params.put("errorCommunity", community);
        forms.pages().render(res, OperatorForms.status(error), v, m.get("admin.section.communities"),
                "admin_communities.jte", params);
    }

    /** The community form names the username field "name". */
    private static String fieldOf(RuntimeException e) {
        String field = Pages.fieldOf(e);
        return "username".equals(field) ? "name" : field;
    }

    private void showLinks(ServerResponse res, Visitor v, Notice notice, FormError error) {
        Messages m = v.messages();
        List<ActorEntity> groups = db.inTransaction(ActorRepository::localGroups);
        Map<String, Object> params = new HashMap<>();
        params.put("communities", groups.stream().map(g -> profiles.card(g, m)).toList());
        params.put("links", links.all(groups.stream().map(ActorEntity::getUsername).toList(), m));
        params.put("notice", notice);
        params.put("error", error);
        forms.pages().render(res, error == null ? Status.OK_200 : Status.BAD_REQUEST_400, v,
                m.get("admin.links"), "admin_links.jte", params);
    }
}
