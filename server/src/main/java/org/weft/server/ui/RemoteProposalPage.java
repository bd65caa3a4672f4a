package org.weft.server.ui;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.hibernate.Session;
import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.moderation.BlockedCopies;
import org.weft.server.domain.moderation.CopyReaders;
import org.weft.server.domain.proposal.AreaNames;
import org.weft.server.domain.proposal.ProposalAmount;
import org.weft.server.domain.response.AgreementService;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.ActorKind;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.ui.auth.SessionInfo;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.FormError;
import org.weft.web.view.Link;
import org.weft.web.view.RemoteProposalView;

/**
 * A proposal held here from another server, at an address of this instance ({@code /remote-proposals/{id}}, the copy's
 * own id), as a Mastodon server shows a remote post locally: what the copy holds, where it comes from with a link to
 * the original, and for a member, when it comes from a Weft instance, a form to answer it from here. The answer goes
 * from the member's own account as a FEP-0837 Offer ({@link AgreementService#offer}); the proposer's answer and
 * messages come back into the conversation of that response, where the member lands. Shown to whom the board shows the
 * copy: community-only ones to this instance's signed-in members only; one a moderator holds back, to the moderators
 * only; a deleted or withdrawn one answers 410, one no longer held through a link 404 (but one whose owner told this
 * instance it was withdrawn since: 410), and so does one whose account or server the communities holding it blocked
 * ({@link BlockedCopies}). Who may read it is {@link CopyReaders}, which the pages that link here ask too.
 */
public final class RemoteProposalPage {
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private final Pages pages;
    private final Database db;
    private final ProposalCards cards;
    private final Taxonomy taxonomy;
    private final AgreementService agreements;

    public RemoteProposalPage(Pages pages, Database db, Taxonomy taxonomy, AgreementService agreements) {
        this.pages = pages;
        this.db = db;
        this.cards = new ProposalCards(taxonomy);
        this.taxonomy = taxonomy;
        this.agreements = agreements;
    }

    /** The local page of the copy kept under {@code id}. */
    static String path(long id) {
        return "/remote-proposals/" + id;
    }

    /**
     * Where this instance's pages link a proposal: its own address for one of ours, the local page of the copy for one
     * held from elsewhere (whose original address its page links).
     */
    static String link(ProposalEntity p) {
        return p.isLocal() ? p.getUri() : path(p.getId());
    }

    /** {@code GET /remote-proposals/{id}}. */
    public void show(ServerRequest req, ServerResponse res) {
        show(req, res, pages.visitor(req, res), null);
    }

    /**
     * {@code POST /remote-proposals/{id}/respond}: the member's answer, sent to the proposal's server from their
     * account; they land on the conversation of their response, told it was sent. A refused one (empty, too long, no
     * longer open) sends and keeps nothing: the page comes back (400) with why and what they typed; so does a second
     * answer (409), with the way to the conversation of their first.
     */
    public void respond(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        Long id = id(req);
        // Whether the copy may be answered here, and if so who will read the answer there (null: not readable here).
        Boolean toModerators = id == null ? null : db.inTransaction(s -> {
            ProposalEntity p = s.find(ProposalEntity.class, id);
            return readable(s, v, p) ? readByModerators(p) : null;
        });
        if (toModerators == null) {
            pages.notFound(res, v);
            return;
        }
        String text = Forms.first(form, "text");
        String told = toModerators ? "respondedRemoteAnonymous" : "respondedRemote";
        try {
            pages.once(res, v, form, path(id), () -> {
                ResponseEntity sent = agreements.offer(v.username(), id, text, null);
                return Pages.done(ConversationViews.pageUrl(sent.getId(), 0), told, null);
            });
        } catch (NotFoundException e) {
            pages.notFound(res, v);
        } catch (ForbiddenException e) {
            pages.forbidden(res, v);
        } catch (ConflictException e) {
            // Answered already (a second tab, a form sent again): the page, with the way to their conversation.
            show(req, res, v, new Refused(Pages.textRefusal(v.messages(), e), text, Status.CONFLICT_409));
        } catch (DomainException | IllegalArgumentException e) {
            show(req, res, v, new Refused(Pages.textRefusal(v.messages(), e), text, Status.BAD_REQUEST_400));
        }
    }

    /**
     * Whether answers to this copy are read by its community's moderators as well as by the person who asked: an
     * anonymous request, which its server publishes under the community's name ({@code attributedTo} the community)
     * and to everyone. There the moderators read and answer its conversations for the person who asked, so the
     * responder, about to give a name or a meeting place, is told so. A community-only one is under the community's
     * name too, but only its author reads its answers there.
     */
    private static boolean readByModerators(ProposalEntity p) {
        return p.getAttributedTo().getKind() == ActorKind.GROUP && p.getAudience() == Audience.PUBLIC;
    }

    /** A refused answer: why, the text it had, and the page's status. */
    private record Refused(FormError error, String text, Status status) {
    }

    private void show(ServerRequest req, ServerResponse res, Visitor v, Refused refused) {
        Long id = id(req);
        db.run(s -> {
            ProposalEntity p = id == null ? null : s.find(ProposalEntity.class, id);
            if (CopyReaders.gone(s, p)) {
                gone(res, s, v, p);
            } else if (readable(s, v, p)) {
                render(res, s, v, p, refused);
            } else {
                pages.notFound(res, s, v);
            }
        });
    }

    /**
     * Whether the visitor may read this copy here, as the board would show it ({@link CopyReaders}, the rule every
     * page linking here asks too): a copy still held, shown to everyone (community-only ones to signed-in members);
     * held back by a moderator, to those who moderate it only; one detached by an unlink, or whose account or server
     * the communities holding it blocked, to nobody.
     */
    private static boolean readable(Session s, Visitor v, ProposalEntity p) {
        return CopyReaders.mayOpen(s, v.member().map(SessionInfo::memberId), p);
    }

    private void render(ServerResponse res, Session s, Visitor v, ProposalEntity p, Refused refused) {
        Messages m = v.messages();
        Optional<Long> me = v.member().map(SessionInfo::memberId);
        List<Link> own = me.map(i -> ResponseRepository.byMemberTo(s, p, i)).orElse(List.of()).stream()
                .map(r -> new Link(HtmlSanitizer.toPlainText(r.getContent()), ConversationViews.pageUrl(r.getId(), 0)))
                .toList();
        boolean weft = p.getSource() == ProposalEntity.Source.WEFT;
        boolean held = p.isHeldByModerator();
        // Whether it takes answers here at all: the member's form and, for a visitor, the way to log in and answer.
        boolean takesAnswers = weft && !held && p.getStatus().isActive();
        // Someone who answered already finds their answer and its conversation here, not a second form.
        boolean canRespond = v.loggedIn() && takesAnswers && own.isEmpty();
        ActorEntity from = p.getAttributedTo();
        String host = Messages.isolateLeftToRight(from.getDomain());
        ActorEntity community = p.getGroup();
        boolean underCommunity = community != null && community.getId().equals(from.getId());
        String respondLabel = readByModerators(p) ? "remoteProposal.respondLabelAnonymous"
                : "remoteProposal.respondLabel";
        RemoteProposalView view = new RemoteProposalView(p.getLanguage(), cards.purposeLabel(p, m),
                m.get("status." + p.getStatus().wire()), p.getStatus() == ProposalStatus.OPEN, p.getTitle(),
                ProposalPage.paragraphs(HtmlSanitizer.toPlainText(p.getDescription())), cards.categoryLinks(p, m),
                p.getKind() == null ? null : m.get("kind." + p.getKind().name().toLowerCase()),
                p.getQuantity() == null ? null : ProposalAmount.of(p.getQuantity(), p.getUnit(), m),
                p.getAreaName() == null ? null : AreaNames.read(s).name(p, m), m.date(p.getEndsAt()),
                p.getPublishedAt() == null ? null : m.date(p.getPublishedAt()),
                underCommunity ? null : ProposalCards.shownAuthor(p), from.handle(),
                community == null || underCommunity ? null : community.getDisplayName(),
                community == null || underCommunity ? null : community.handle(),
                ProposalCards.origin(p, m), p.getUri(), m.get("remoteProposal.original", host),
                canRespond ? path(p.getId()) + "/respond" : null, m.get(respondLabel, host),
                weft ? null : m.get("remoteProposal.notWeft", host), own,
                ReturnTo.link("/login", path(p.getId()) + "#respond"));
        Map<String, Object> params = new HashMap<>();
        params.put("p", view);
        params.put("takesAnswers", takesAnswers);
        if (held) {
            params.put("heldNote", m.get("proposal.heldByModerator"));
        }
        if (taxonomy.anySensitive(p.getCategories())) {
            params.put("safetyNote", m.get("safety.note"));
        }
        if (refused != null) {
            params.put("respondError", refused.error());
            params.put("respondText", refused.text() == null ? "" : refused.text());
        }
        pages.render(res, s, refused == null ? Status.OK_200 : refused.status(), v,
                cards.purposeLabel(p, m) + " · " + p.getTitle(), "remote_proposal.jte", params);
    }

    /**
     * 410 for a copy its server deleted or withdrew: "This offer was withdrawn on 3 May", as its own server says. A
     * withdrawal is an Update (status withdrawn) followed by a Delete for readers that know no status (FEP-0837), so the
     * copy is deleted then too: its status, which only a withdrawal sets, tells the two apart.
     */
    private void gone(ServerResponse res, Session s, Visitor v, ProposalEntity p) {
        Messages m = v.messages();
        boolean withdrawn = p.getStatus() == ProposalStatus.WITHDRAWN;
        Instant when = p.getDeletedAt() != null ? p.getDeletedAt() : p.getUpdatedAt();
        String text = m.get("gone." + p.getPurpose().wire() + "." + (withdrawn ? "withdrawn" : "deleted"),
                when == null ? "" : m.date(when));
        pages.message(res, s, Status.GONE_410, v, m.get("gone.title"), text, null, null);
    }

    private static Long id(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        return id != null && ID.matcher(id).matches() ? Long.parseLong(id) : null;
    }
}
