package org.weft.server.ui;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.proposal.ProposalService;
import org.weft.server.domain.response.ResponseService;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.Confirmation;

/**
 * The buttons on a proposal page, each a plain form POST followed by a redirect back to the section it was in, with
 * a notice there: change status, renew, delete, respond, accept or decline a response. Each form changes things once
 * (a repeat of its token changes nothing); withdrawing, deleting and declining first ask on a page of their own.
 * Ownership is checked by the proposal services, never here alone.
 */
public final class ProposalActions {
    /** The notices the proposal page shows after these actions ({@code notice.<name>}). */
    static final Set<String> NOTICES = notices();

    private final Pages pages;
    private final Database db;
    private final ProposalService proposals;
    private final ResponseService responses;
    private final ProposalLookup lookup;

    private final ProposalPage page;

    /** {@code page} shows the proposal again when a response to it is refused. */
    public ProposalActions(Pages pages, Database db, ProposalService proposals, ResponseService responses,
                           ProposalLookup lookup, ProposalPage page) {
        this.pages = pages;
        this.db = db;
        this.proposals = proposals;
        this.responses = responses;
        this.lookup = lookup;
        this.page = page;
    }

    /**
     * Moves the proposal to the status the button names, and says so; a proposal that has it already (the button was
     * pressed in a second tab or on a stale page) stays as it is, nobody is told anything, and the notice says it is
     * already so. Withdrawing asks first, unless it is withdrawn already.
     */
    public void status(ServerRequest req, ServerResponse res) {
        act(req, res, (v, form, p) -> "withdrawn".equals(Forms.first(form, "status"))
                && p.status() != ProposalStatus.WITHDRAWN
                ? question(v, p, "confirm.withdrawTitle", "confirm.withdraw", "/status", "action.withdrawn",
                        new Confirmation.Field("status", "withdrawn")) : null,
                (v, form, p) -> {
                    ProposalStatus next = ProposalStatus.fromWire(Forms.first(form, "status"))
                            .orElseThrow(() -> InvalidInputException.field("status", "status_unknown"));
                    boolean moved = proposals.changeStatus(v.username(), p.id(), next);
                    return Pages.done(p.path(), (moved ? "status_" : "already_") + next.wire(), "manage");
                }, ALREADY_DELETED);
    }

    public void renew(ServerRequest req, ServerResponse res) {
        act(req, res, NO_QUESTION, (v, form, p) -> {
            proposals.renew(v.username(), p.id(), null);
            return Pages.done(p.path(), "renewed", "manage");
        }, ALREADY_DELETED);
    }

    /**
     * Deletes the proposal after asking: other servers are told, its address answers 410, it leaves "My proposals".
     * Confirmed again once it is gone (a double click, the back button and send again), its author lands where a
     * delete lands, told it was deleted already; anyone else gets the 404 of a proposal that never was.
     */
    public void delete(ServerRequest req, ServerResponse res) {
        act(req, res, (v, form, p) -> question(v, p, "confirm.deleteTitle", "confirm.delete", "/delete", "proposal.delete"),
                (v, form, p) -> {
                    proposals.delete(v.username(), p.id());
                    return Pages.done("/me/proposals", "deleted", null);
                }, ALREADY_DELETED);
    }

    /**
     * Sends a response to the proposal's author. A refused one (empty, too long, no longer possible) stores nothing and
     * tells nobody: the proposal page comes back (400) with why next to the field and what was typed still in it. One
     * sent to a proposal withdrawn or deleted while it was written gets the proposal's 410 page, which says so and
     * gives the words back to keep.
     */
    public void respond(ServerRequest req, ServerResponse res) {
        act(req, res, NO_QUESTION, (v, form, p) -> {
            responses.respond(v.username(), p.id(), Forms.first(form, "text"));
            return Pages.done(p.path(), "responded", "respond");
        }, null, (v, form, p, e) -> page.refusedResponse(req, res, v, e, Forms.first(form, "text")),
                (v, form) -> page.unsentResponse(req, res, v, Forms.first(form, "text")));
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
        Optional<Target> target = responseTarget(req, v);
        if (target.isEmpty()) {
            pages.notFound(res, v);
            return;
        }
        Target p = target.get();
        if (!accept && !Pages.confirmed(form)) {
            Messages m = v.messages();
            pages.confirm(res, v, m.get("confirm.declineTitle"), new Confirmation(p.title(), p.lang(),
                    m.get("confirm.decline"), req.path().path(), List.of(), m.get("proposal.decline"),
                    p.path() + "#responses"));
            return;
        }
        long id = Long.parseLong(req.path().pathParameters().get("id"));
        run(res, v, form, p, () -> {
            if (accept) {
                responses.accept(v.username(), id, Forms.first(form, "handoff"));
            } else {
                responses.decline(v.username(), id);
            }
            return Pages.done(p.path(), accept ? "accepted" : "declined", "responses");
        });
    }

    /** The proposal a response answers, when the visitor may decide on it (its author); else empty, as if none. */
    private Optional<Target> responseTarget(ServerRequest req, Visitor v) {
        long id;
        try {
            id = Long.parseLong(req.path().pathParameters().get("id"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long me = v.member().get().memberId();
        return db.inTransaction(s -> Optional.ofNullable(s.find(ResponseEntity.class, id)).map(ResponseEntity::getProposal)
                .filter(p -> p.isLocal() && !p.isDeleted() && p.getAuthor().getId() == me).map(Target::of));
    }

    /**
     * The notices after these actions: each status change, and for each status the one that says the proposal had it
     * already ({@code already_open}), so that nothing claims a change that did not happen.
     */
    private static Set<String> notices() {
        Set<String> notices = new HashSet<>(Set.of("published", "edited", "responded", "accepted", "declined", "renewed",
                "status_open", "status_promised", "status_fulfilled", "status_withdrawn"));
        for (ProposalStatus status : ProposalStatus.values()) {
            notices.add("already_" + status.wire());
        }
        return Set.copyOf(notices);
    }

    /**
     * What a proposal action needs to know about its proposal, read before the service call ({@code status} only to
     * decide what to ask: the service reads it again).
     */
    private record Target(long id, String path, String title, String lang, long authorId, ProposalStatus status) {
        static Target of(ProposalEntity p) {
            return new Target(p.getId(), URI.create(p.getUri()).getRawPath(), p.getTitle(), p.getLanguage(),
                    p.getAuthor().getId(), p.getStatus());
        }
    }

    private interface Action {
        /** Does the change and says where to go next. */
        String run(Visitor v, Map<String, List<String>> form, Target proposal);
    }

    /** What to ask before an action, or null when it needs no confirmation (or has it already). */
    private interface Asking {
        Question ask(Visitor v, Map<String, List<String>> form, Target proposal);
    }

    private static final Asking NO_QUESTION = (v, form, p) -> null;
    /**
     * Where the author lands after acting on a proposal deleted meanwhile (a second tab, a stale page, a delete sent
     * twice): their proposals, told it is deleted already, rather than a bare 404.
     */
    private static final String ALREADY_DELETED = Pages.done("/me/proposals", "already_deleted", null);

    /** How a refused input is answered: nothing was changed, and the person is told why. */
    private interface Refusal {
        void answer(Visitor v, Map<String, List<String>> form, Target proposal, RuntimeException e);
    }

    /** How a form for a proposal that is not there (never was, or deleted) is answered; nothing was changed. */
    private interface Missing {
        void answer(Visitor v, Map<String, List<String>> form);
    }

    /** A confirmation page's title and content. */
    private record Question(String title, Confirmation confirmation) {
    }

    private static Question question(Visitor v, Target p, String titleKey, String explanationKey, String action,
                                     String confirmKey, Confirmation.Field... fields) {
        Messages m = v.messages();
        return new Question(m.get(titleKey), new Confirmation(p.title(), p.lang(), m.get(explanationKey), p.path() + action,
                List.of(fields), m.get(confirmKey), p.path() + "#manage"));
    }

    private void act(ServerRequest req, ServerResponse res, Asking asking, Action action) {
        act(req, res, asking, action, null);
    }

    private void act(ServerRequest req, ServerResponse res, Asking asking, Action action, String deletedAlready) {
        act(req, res, asking, action, deletedAlready, (v, form, p, e) -> pages.refused(res, v, e, p.path()));
    }

    /**
     * {@code deletedAlready}: where the author of a proposal deleted already goes, told so; null when this action on a
     * deleted proposal is a 404 for everyone. {@code refusal} answers a refused input.
     */
    private void act(ServerRequest req, ServerResponse res, Asking asking, Action action, String deletedAlready,
                     Refusal refusal) {
        act(req, res, asking, action, deletedAlready, refusal, (v, form) -> pages.notFound(res, v));
    }

    /** {@code missing} answers when there is no such proposal, or it was deleted and {@code deletedAlready} is null. */
    private void act(ServerRequest req, ServerResponse res, Asking asking, Action action, String deletedAlready,
                     Refusal refusal, Missing missing) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        Optional<Target> target = db.inTransaction(s -> lookup.find(s, req).map(Target::of));
        long me = v.member().get().memberId();
        if (target.isEmpty() && deletedAlready != null && db.inTransaction(s -> lookup.deletedBy(s, req, me))) {
            // The form's first submit (when this is its repeat) went where it went; any other lands as told.
            pages.once(res, v, form, deletedAlready, () -> deletedAlready);
            return;
        }
        if (target.isEmpty()) {
            missing.answer(v, form);
            return;
        }
        Target p = target.get();
        Question question = Pages.confirmed(form) ? null : asking.ask(v, form, p);
        if (question != null && p.authorId() != me) {
            pages.forbidden(res, v); // only the author is asked; the service refuses everyone else anyway
            return;
        }
        if (question != null) {
            pages.confirm(res, v, question.title(), question.confirmation());
            return;
        }
        run(res, v, form, p, () -> action.run(v, form, p), refusal);
    }

    private void run(ServerResponse res, Visitor v, Map<String, List<String>> form, Target p, Pages.Change change) {
        run(res, v, form, p, change, (visitor, f, target, e) -> pages.refused(res, visitor, e, target.path()));
    }

    private void run(ServerResponse res, Visitor v, Map<String, List<String>> form, Target p, Pages.Change change,
                     Refusal refusal) {
        try {
            pages.once(res, v, form, p.path(), change);
        } catch (ForbiddenException e) {
            pages.forbidden(res, v);
        } catch (NotFoundException e) {
            pages.notFound(res, v);
        } catch (DomainException | IllegalArgumentException | IllegalStateException e) {
            refusal.answer(v, form, p, e);
        }
    }
}
