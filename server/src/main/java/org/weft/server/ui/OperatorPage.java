package org.weft.server.ui;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.account.SignupMode;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.queue.DeliveryQueue;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.CommunityText;
import org.weft.web.view.AdminView;
import org.weft.web.view.FormError;
import org.weft.web.view.Notice;
import org.weft.web.view.Option;

/**
 * {@code /admin}: the operator's overview, with the menu of the sections (communities, links, areas, invites,
 * members, delivery queue), and the small sections themselves: areas and the queue. Operators only.
 */
public final class OperatorPage {
    private final OperatorForms forms;
    private final Database db;
    private final AreaService areas;
    private final SignupMode signup;
    private final Clock clock;

    public OperatorPage(Pages pages, Database db, AreaService areas, SignupMode signup, Clock clock) {
        this.forms = new OperatorForms(pages);
        this.db = db;
        this.areas = areas;
        this.signup = signup;
        this.clock = clock;
    }

    public void render(ServerRequest req, ServerResponse res) {
        Visitor v = forms.pages().visitor(req, res);
        if (forms.refused(res, v)) {
            return;
        }
        Messages m = v.messages();
        var stats = new DeliveryQueue(db).stats(clock.instant());
        long members = db.inTransaction(s -> ActorRepository.countLocal(s, ActorKind.PERSON));
        long communities = db.inTransaction(s -> ActorRepository.countLocal(s, ActorKind.GROUP));
        AdminView view = new AdminView(m.number(communities), m.number(members), m.number(stats.pending()),
                m.number(stats.gaveUp()), m.get("signup.mode." + signup.name().toLowerCase()));
        forms.pages().render(res, v, m.get("admin.title"), "admin.jte", Map.of("a", view));
    }

    public void queue(ServerRequest req, ServerResponse res) {
        Visitor v = forms.pages().visitor(req, res);
        if (forms.refused(res, v)) {
            return;
        }
        Messages m = v.messages();
        DeliveryQueue queue = new DeliveryQueue(db);
        var stats = queue.stats(clock.instant());
        List<String> backlog = queue.backlogByHost(10).stream().map(h -> h.host() + ": " + m.number(h.pending())).toList();
        forms.pages().render(res, v, m.get("admin.queue"), "admin_queue.jte", Map.of("q", new AdminView.QueueView(
                m.number(stats.pending()), m.number(stats.due()), m.number(stats.delivered()), m.number(stats.gaveUp()),
                backlog)));
    }

    public void areas(ServerRequest req, ServerResponse res) {
        Visitor v = forms.pages().visitor(req, res);
        if (!forms.refused(res, v)) {
            showAreas(res, v, Pages.notice(req, v.messages(), Set.of("area_created")), null);
        }
    }

    public void createArea(ServerRequest req, ServerResponse res) {
        forms.post(req, res, "/admin/areas", (v, form) -> {
            areas.create(Forms.first(form, "code"), Forms.first(form, "name"), null, null);
            return Pages.done("/admin/areas", "area_created", "areas");
        }, (v, form, e) -> showAreas(res, v, null, e));
    }

    private void showAreas(ServerResponse res, Visitor v, String notice, RuntimeException error) {
        Messages m = v.messages();
        Map<String, Object> params = new HashMap<>();
        params.put("areas", areas.all().stream().map(a -> new Option(a.getCode(), a.getName(), false)).toList());
        params.put("notice", notice == null ? null : new Notice("areas", notice));
        params.put("error", error == null ? null : new FormError(Pages.fieldOf(error), Pages.explain(m, error)));
        forms.pages().render(res, OperatorForms.status(error), v, m.get("admin.areas"), "admin_areas.jte", params);
    }
}
