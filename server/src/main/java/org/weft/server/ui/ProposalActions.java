package org.weft.server.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.proposal.ProposalService;
import org.weft.server.domain.response.ResponseService;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.ui.auth.Visitor;

/**
 * The buttons on a proposal page, each a plain form POST followed by a redirect back: change status, renew,
 * respond, accept or decline a response. Ownership is checked by the proposal services, never here alone.
 */
public final class ProposalActions {
    private final Pages pages;
    private final Database db;
    private final ProposalService proposals;
    private final ResponseService responses;
    private final ProposalLookup lookup;

    public ProposalActions(Pages pages, Database db, ProposalService proposals, ResponseService responses,
                           ProposalLookup lookup) {
        this.pages = pages;
        this.db = db;
        this.proposals = proposals;
        this.responses = responses;
        this.lookup = lookup;
    }

    public void status(ServerRequest req, ServerResponse res) {
        act(req, res, (v, form, p) -> {
            ProposalStatus next = ProposalStatus.fromWire(Forms.first(form, "status"))
                    .orElseThrow(() -> new IllegalArgumentException("error.badInput"));
            proposals.changeStatus(v.username(), p.id(), next);
        });
    }

    public void renew(ServerRequest req, ServerResponse res) {
        act(req, res, (v, form, p) -> proposals.renew(v.username(), p.id(), null));
    }

    public void respond(ServerRequest req, ServerResponse res) {
        act(req, res, (v, form, p) -> responses.respond(v.username(), p.id(), Forms.first(form, "text")));
    }

    public void accept(ServerRequest req, ServerResponse res) {
        decide(req, res, true);
    }

    public void decline(ServerRequest req, ServerResponse res) {
        decide(req, res, false);
    }

    private void decide(ServerRequest req, ServerResponse res, boolean accept) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(req.path().pathParameters().get("id"));
        } catch (NumberFormatException e) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
            return;
        }
        try {
            ResponseEntity r = accept ? responses.accept(v.username(), id, Forms.first(form, "handoff"))
                    : responses.decline(v.username(), id);
            String uri = db.inTransaction(s -> s.find(ResponseEntity.class, r.getId()).getProposal().getUri());
            Pages.redirect(res, uri);
        } catch (NotFoundException | ForbiddenException e) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
        } catch (IllegalArgumentException | IllegalStateException e) {
            pages.render(res, Status.BAD_REQUEST_400, v, v.messages().get("error.title"), "message.jte",
                    Map.of("message", Pages.explain(v.messages(), e)));
        }
    }

    /** What a proposal action needs to know about its proposal, read before the service call. */
    private record Target(long id, String uri) {
    }

    private interface Action {
        void run(Visitor v, Map<String, List<String>> form, Target proposal);
    }

    private void act(ServerRequest req, ServerResponse res, Action action) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        Optional<Target> target = db.inTransaction(s -> lookup.find(s, req).map(p -> new Target(p.getId(), p.getUri())));
        if (target.isEmpty()) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
            return;
        }
        try {
            action.run(v, form, target.get());
            Pages.redirect(res, target.get().uri());
        } catch (ForbiddenException e) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "error.forbidden");
        } catch (NotFoundException e) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
        } catch (IllegalArgumentException | IllegalStateException e) {
            pages.render(res, Status.BAD_REQUEST_400, v, v.messages().get("error.title"), "message.jte",
                    Map.of("message", Pages.explain(v.messages(), e)));
        }
    }
}
