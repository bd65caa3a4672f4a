package org.weft.server.ui;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.hibernate.Session;
import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.moderation.ProposalReaders;
import org.weft.server.domain.notification.NotificationService;
import org.weft.server.domain.proposal.AreaNames;
import org.weft.server.domain.proposal.ProposalAmount;
import org.weft.server.domain.proposal.ProposalLifecycle;
import org.weft.server.domain.response.AuthorSide;
import org.weft.server.domain.response.BlockedResponses;
import org.weft.server.domain.response.Conversation;
import org.weft.server.domain.response.ConversationService;
import org.weft.server.domain.response.ResponseDecisions;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Audience;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.persistence.ThanksRepository;
import org.weft.server.persistence.TombstoneEntity;
import org.weft.server.persistence.TombstoneRepository;
import org.weft.server.ui.auth.SessionInfo;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.ConversationView;
import org.weft.web.view.FormError;
import org.weft.web.view.KeptText;
import org.weft.web.view.Notice;
import org.weft.web.view.Option;
import org.weft.web.view.ProposalView;
import org.weft.web.view.ResponseItem;

/**
 * The HTML page of a proposal, at the same URL as its ActivityPub id: browsers get this page, ActivityPub clients
 * the Note ({@code http.Wants} routes each request to one or the other). Its author sees every response with accept
 * and decline buttons, the status actions, and under each response its conversation; for an anonymous request, a
 * moderator acting for the author sees the responses and conversations too. A member who responded sees their own
 * response and its conversation; other members see the respond form; everyone sees how to answer from Mastodon while
 * it is open or promised.
 * Community-only proposals are shown to this instance's logged-in members only. The responses the author reads here are
 * no longer new in their notifications.
 */
public final class ProposalPage {
    private final Pages pages;
    private final Database db;
    private final ProposalCards cards;
    private final LocalUrls urls;
    private final Taxonomy taxonomy;
    private final AudienceReach reach;
    private final ConversationService conversations;
    private final NotificationService notifications;

    public ProposalPage(Pages pages, Database db, Taxonomy taxonomy, LocalUrls urls, AudienceReach reach,
                        ConversationService conversations, NotificationService notifications) {
        this.pages = pages;
        this.db = db;
        this.cards = new ProposalCards(taxonomy);
        this.urls = urls;
        this.taxonomy = taxonomy;
        this.reach = reach;
        this.conversations = conversations;
        this.notifications = notifications;
    }

    /**
     * {@code GET /proposals/{id}} for a browser; once deleted or withdrawn a 410 page that says when, in the visitor's
     * language (other servers get the Tombstone), and a 404 page for an address that never was. Its author still sees
     * it withdrawn; one a moderator hid, its author (told why, and left only deleting it) and the community's
     * moderators still see, and it answers everyone else as if it never was ({@link ProposalReaders}).
     */
    public void show(ServerRequest req, ServerResponse res) {
        // Who is asking is known before the page's transaction opens, and everything the page reads or marks on the
        // way happens in that one transaction: one pooled connection per view, never a second one held while the
        // first waits (views at once as many as the pool's connections would wait on each other until its timeout).
        show(req, res, pages.visitor(req, res), null);
    }

    /**
     * The page again, answering 400, after the visitor's response to it was refused ({@code refusal}): why, in their
     * language, next to the respond field (or above it when no one field is to blame), and {@code typed}, what they
     * wrote, back in it. A proposal this visitor may no longer open answers as {@link #show} does, except that one
     * withdrawn or deleted while they wrote gives their words back under the 410 sentence ({@link #unsentResponse}).
     */
    public void refusedResponse(ServerRequest req, ServerResponse res, Visitor v, RuntimeException refusal, String typed) {
        // 409 when the proposal takes no more from them (they answered it already): changing the text does not help.
        Status status = refusal instanceof ConflictException ? Status.CONFLICT_409 : Status.BAD_REQUEST_400;
        show(req, res, v, new RefusedResponse(Pages.textRefusal(v.messages(), refusal), typed, status));
    }

    /**
     * The answer to a response sent to a proposal that is no longer there (its author deleted it while the visitor
     * wrote): the 410 page, saying so, with {@code typed} in a box to copy and keep, nothing stored or sent. An address
     * that never was answers 404.
     */
    public void unsentResponse(ServerRequest req, ServerResponse res, Visitor v, String typed) {
        show(req, res, v, new RefusedResponse(null, typed, Status.GONE_410));
    }

    /**
     * A refused response: why (null when the proposal is gone: its 410 page says why), the text it had, and the page's
     * status.
     */
    private record RefusedResponse(FormError error, String text, Status status) {
    }

    private void show(ServerRequest req, ServerResponse res, Visitor v, RefusedResponse refused) {
        String uri = urls.proposal(req.path().pathParameters().get("id"));
        db.run(s -> {
            Optional<ProposalEntity> found = ProposalRepository.localByUri(s, uri)
                    .filter(p -> ProposalReaders.mayOpen(s, v.member().map(SessionInfo::memberId), p));
            if (found.isPresent()) {
                render(req, res, s, v, found.get(), ResponseRepository.publicPage(s, found.get(), 0, 50), refused);
            } else {
                Optional<TombstoneEntity> tombstone = TombstoneRepository.byUri(s, uri);
                if (tombstone.isPresent()) {
                    gone(res, s, v, tombstone.get(), refused == null ? null : refused.text());
                } else {
                    pages.notFound(res, s, v);
                }
            }
        });
    }

    /** Renders inside the loading transaction {@code s}; {@code publicResponses} are the answers anyone may see. */
    private void render(ServerRequest req, ServerResponse res, Session s, Visitor v, ProposalEntity p,
                        List<ResponseEntity> publicResponses, RefusedResponse refused) {
        if (p.getAudience() == Audience.COMMUNITY && !v.loggedIn()) {
            pages.notFound(res, s, v);
            return;
        }
        Messages m = v.messages();
        boolean author = v.member().map(i -> i.memberId() == p.getAuthor().getId()).orElse(false);
        // Held by a moderator, it is on no board: nothing moves it along or answers it here; its author may delete it.
        boolean held = p.isHeldByModerator();
        // Whether it takes answers at all (not once withdrawn, fulfilled or expired, nor while held): the member's
        // form, the way to answer from Mastodon and, for a visitor, the way to log in and answer all follow it.
        boolean takesAnswers = !held && p.getStatus().isActive();
        boolean authorSide = v.member().map(i -> AuthorSide.mayActFor(s, i.memberId(), p)).orElse(false);
        Map<Long, Conversation> talks = v.member().map(i -> conversations.onProposal(s, i.memberId(), p,
                ConversationViews.INLINE)).orElse(Map.of());
        // Someone who answered already finds their answer and its conversation here, not a second form.
        boolean answered = talks.values().stream().anyMatch(c -> !c.authorSide());
        // A flood from an account blocked on it since is not left in front of anyone (BlockedResponses).
        List<ResponseEntity> shown = BlockedResponses.shown(s, authorSide ? ResponseRepository.toProposal(s, p)
                : publicResponses);
        // Someone on another server is shown with their address: a name alone could be any member's here, and the
        // author may be about to give them a meeting place.
        List<ProposalView.ResponseView> responses = shown.stream().map(r -> new ProposalView.ResponseView(
                r.getResponder().getDisplayName(),
                r.getResponder().isLocal() ? null : r.getResponder().handle(),
                HtmlSanitizer.toPlainText(r.getContent()), m.date(r.getCreatedAt()),
                r.getId(), authorSide ? responseState(r, m) : null,
                ResponseDecisions.may(s, ResponseDecisions.Decision.ACCEPT, r),
                ResponseDecisions.may(s, ResponseDecisions.Decision.DECLINE, r))).toList();
        ActorEntity community = p.getGroup();
        String path = URI.create(p.getUri()).getRawPath();
        boolean anonymous = p.getAudience() == Audience.ANONYMOUS;
        String notice = refused == null ? Pages.notice(req, m, ProposalActions.NOTICES) : null;
        if (anonymous && notice != null && noticeSection(req).equals("respond")) {
            // The person who asked without their name lets the community's moderators read and answer for them.
            notice = m.get("notice.respondedAnonymous");
        }
        // Posted under the community's name (anonymously, or as the community): the community, not twice.
        String shownAuthor = community != null && p.getAttributedTo().getId().equals(community.getId())
                && p.getAudience() != Audience.PUBLIC ? null : ProposalCards.shownAuthor(p);
        ProposalView view = new ProposalView(p.getLanguage(), cards.purposeLabel(p, m),
                m.get("status." + p.getStatus().wire()), p.getStatus() == ProposalStatus.OPEN, p.getTitle(),
                paragraphs(p.getDescription()), cards.categoryLinks(p, m),
                p.getAreaName() == null ? null : AreaNames.read(s).name(p, m), m.date(p.getEndsAt()), shownAuthor,
                community == null ? "" : community.getDisplayName(),
                community == null ? "" : "@" + community.getUsername() + "@" + urls.domain(),
                community == null ? "/" : "/groups/" + community.getUsername(),
                community == null ? "/board" : "/board/" + community.getUsername(),
                p.getUri(), responses, quantity(p, m),
                m.get("kind." + p.getKind().name().toLowerCase()), author,
                v.loggedIn() && !author && takesAnswers && !answered,
                author && !held ? nextStatuses(p, m) : List.of(),
                notice == null ? null : new Notice(noticeSection(req), notice), ReturnTo.link("/login", path + "#respond"),
                thanks(s, p, m), author && !held && ProposalLifecycle.may(ProposalLifecycle.Action.RENEW, p.getStatus()),
                author && !held && ProposalLifecycle.may(ProposalLifecycle.Action.EDIT, p.getStatus()));
        Map<Long, ConversationView> underResponses = new HashMap<>();
        List<ResponseItem> mine = new ArrayList<>();
        talks.values().forEach(c -> {
            ConversationView shownConversation = ConversationViews.inline(c, m, "proposal");
            if (c.authorSide()) {
                underResponses.put(c.responseId(), shownConversation);
            } else {
                mine.add(ConversationViews.item(c, m, shownConversation));
            }
        });
        if (author) {
            // The author has read them here: the menu stops counting them as new (their own notifications, these only).
            // Marked in the page's transaction, before the menu's count below reads it.
            notifications.markResponsesRead(s, p.getAuthor().getId(), shown.stream().map(ResponseEntity::getId).toList());
        }
        // So has whoever reads a conversation's messages here (the author's side under a response, a responder under
        // their own): those messages' notifications, theirs only, are not news any more.
        v.member().ifPresent(i -> notifications.markMessagesRead(s, i.memberId(), talks.values().stream()
                .flatMap(c -> c.messages().stream()).map(Conversation.Message::id).toList()));
        Map<String, Object> params = new HashMap<>();
        params.put("p", view);
        params.put("conversations", underResponses);
        params.put("own", mine);
        params.put("actingForAuthor", authorSide);
        params.put("respondLabel", m.get(anonymous ? "proposal.respondLabelAnonymous" : "proposal.respondLabel"));
        params.put("answerFromMastodon", takesAnswers);
        params.put("takesAnswers", takesAnswers);
        // Who sees it, with numbers, for its author; the safety note for sensitive help, for everyone.
        if (author && !held && p.getGroup() != null) {
            params.put("reach", reach.sentence(s, p.getGroup(), p.getAudience(), m));
        }
        if (held) {
            params.putAll(heldNote(s, v, p, m));
        }
        if (taxonomy.anySensitive(p.getCategories())) {
            params.put("safetyNote", m.get("safety.note"));
        }
        if (refused != null) {
            params.put("respondError", refused.error());
            params.put("respondText", refused.text());
        }
        pages.render(res, s, refused == null ? Status.OK_200 : refused.status(), v,
                cards.purposeLabel(p, m) + " · " + p.getTitle(), "proposal.jte", params);
    }

    /**
     * What the page says above a post held by a moderator. A moderator of its community (the only others who read it)
     * is told nobody else can, and may undo a hide; its author, who may only delete it now, is told a moderator of the
     * community hid it. Nothing here names the author: for an anonymous one the moderators never learn who asked.
     */
    private static Map<String, Object> heldNote(Session s, Visitor v, ProposalEntity p, Messages m) {
        boolean moderator = v.member().map(i -> ProposalReaders.moderates(s, i.memberId(), p)).orElse(false);
        if (!moderator) {
            ActorEntity community = p.getGroup();
            return Map.of("heldNote", community == null ? m.get("proposal.hiddenForAuthorHere")
                    : m.get("proposal.hiddenForAuthor", Messages.isolate(community.getDisplayName())));
        }
        Map<String, Object> note = new HashMap<>();
        note.put("heldNote", m.get("proposal.heldByModerator"));
        if (ProposalReaders.hidden(p)) {
            note.put("showAgainId", p.getId());
        }
        return note;
    }

    /**
     * 410 for a browser at the address of a proposal that is gone: "This offer was withdrawn on 3 May", and the way to
     * its community's board. Called inside the loading transaction {@code s}. {@code unsent} is a response the visitor
     * wrote while it went (null when none): it was not sent, and comes back to them in a box, to keep.
     */
    private void gone(ServerResponse res, Session s, Visitor v, TombstoneEntity tombstone, String unsent) {
        Messages m = v.messages();
        Optional<ProposalEntity> former = ProposalRepository.localByUri(s, tombstone.getUri());
        String kind = former.map(p -> p.getPurpose().wire()).orElse("proposal");
        boolean withdrawn = former.map(p -> !p.isDeleted() && p.getStatus() == ProposalStatus.WITHDRAWN).orElse(false);
        String text = m.get("gone." + kind + "." + (withdrawn ? "withdrawn" : "deleted"), m.date(tombstone.getDeletedAt()));
        String board = former.map(ProposalEntity::getGroup).map(g -> "/board/" + g.getUsername()).orElse(null);
        KeptText kept = unsent == null || unsent.isBlank() ? null
                : new KeptText(m.get("gone.responseNotSent"), m.get("gone.responseKept"), unsent);
        pages.message(res, s, Status.GONE_410, v, m.get("gone.title"), text, board, board == null ? null : "proposal.board",
                kept);
    }

    /** The section a notice belongs to: the one the form that caused it was in. */
    private static String noticeSection(ServerRequest req) {
        String done = req.query().first("done").orElse("");
        if (done.equals("responded")) {
            return "respond";
        }
        return done.equals("accepted") || done.equals("declined") ? "responses" : "manage";
    }

    /** "3 kilograms" in the reader's words (the unit's name from the message files, never the stored English word). */
    private static String quantity(ProposalEntity p, Messages m) {
        return p.getQuantity() == null ? null : ProposalAmount.of(p.getQuantity(), p.getUnit(), m);
    }

    /** The statuses the lifecycle lets the author move it to now, in the order the buttons are shown. */
    private static List<Option> nextStatuses(ProposalEntity p, Messages m) {
        List<Option> next = new ArrayList<>();
        for (ProposalStatus status : ProposalLifecycle.movesFrom(p.getStatus())) {
            next.add(action(status.wire(), m));
        }
        return next;
    }

    /** "3 thanks" (Likes and emoji reactions from anywhere, one per person), or null when nobody has thanked it. */
    private static String thanks(Session s, ProposalEntity p, Messages m) {
        long count = ThanksRepository.count(s, p.getId());
        return count == 0 ? null : m.get("proposal.thanks", count);
    }

    private static Option action(String status, Messages m) {
        return new Option(status, m.get("action." + status), false);
    }

    /** A plain text's paragraphs (split at blank lines), as this page and a copy's page show a description. */
    static List<String> paragraphs(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.strip().split("\\R\\s*\\R")).map(String::strip).toList();
    }

    /** Where a response stands, for its author: whether it was accepted or declined, or that its sender has left. */
    private static String responseState(ResponseEntity r, Messages m) {
        return r.getResponder().isDeleted() ? m.get("response.left")
                : m.get("response." + r.getState().name().toLowerCase());
    }
}
