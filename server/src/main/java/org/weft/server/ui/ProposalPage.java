package org.weft.server.ui;

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
import org.weft.server.domain.response.AuthorSide;
import org.weft.server.domain.response.Conversation;
import org.weft.server.domain.response.ConversationService;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.http.HttpReplies;
import org.weft.server.model.Audience;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.persistence.TombstoneRepository;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.ConversationView;
import org.weft.web.view.Option;
import org.weft.web.view.ProposalView;
import org.weft.web.view.ResponseItem;

/**
 * The HTML page of a proposal, at the same URL as its ActivityPub id: browsers get this page, ActivityPub clients
 * the Note ({@code http.Wants} routes each request to one or the other). Its author sees every response with accept
 * and decline buttons, the status actions, and under each response its conversation; for an anonymous request, a
 * moderator acting for the author sees the responses and conversations too. A member who responded sees their own
 * response and its conversation; other members see the respond form; everyone sees how to answer from Mastodon.
 * Community-only proposals are shown to this instance's logged-in members only.
 */
public final class ProposalPage {
    private final Pages pages;
    private final Database db;
    private final ProposalCards cards;
    private final LocalUrls urls;
    private final Taxonomy taxonomy;
    private final AudienceReach reach;
    private final ConversationService conversations;

    public ProposalPage(Pages pages, Database db, Taxonomy taxonomy, LocalUrls urls, AudienceReach reach,
                        ConversationService conversations) {
        this.pages = pages;
        this.db = db;
        this.cards = new ProposalCards(taxonomy);
        this.urls = urls;
        this.taxonomy = taxonomy;
        this.reach = reach;
        this.conversations = conversations;
    }

    /** {@code GET /proposals/{id}} for a browser; 410 once deleted or withdrawn, as for other servers. */
    public void show(ServerRequest req, ServerResponse res) {
        String uri = urls.proposal(req.path().pathParameters().get("id"));
        db.run(s -> {
            Optional<ProposalEntity> found = ProposalRepository.shownAt(s, uri);
            if (found.isPresent()) {
                render(req, res, s, found.get(), ResponseRepository.publicPage(s, found.get(), 0, 50));
            } else if (TombstoneRepository.byUri(s, uri).isPresent()) {
                HttpReplies.error(res, Status.GONE_410, "This proposal has been deleted");
            } else {
                HttpReplies.error(res, Status.NOT_FOUND_404, "No such proposal");
            }
        });
    }

    /** Renders inside the loading transaction {@code s}; {@code publicResponses} are the answers anyone may see. */
    private void render(ServerRequest req, ServerResponse res, Session s, ProposalEntity p,
                        List<ResponseEntity> publicResponses) {
        Visitor v = pages.visitor(req, res);
        if (p.getAudience() == Audience.COMMUNITY && !v.loggedIn()) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
            return;
        }
        Messages m = v.messages();
        // The proposal's own words keep their language and direction; the page around them is in the visitor's.
        Messages own = Messages.forLanguage(p.getLanguage());
        boolean author = v.member().map(i -> i.memberId() == p.getAuthor().getId()).orElse(false);
        boolean authorSide = v.member().map(i -> AuthorSide.mayActFor(s, i.memberId(), p)).orElse(false);
        Map<Long, Conversation> talks = v.member().map(i -> conversations.onProposal(s, i.memberId(), p,
                ConversationViews.INLINE)).orElse(Map.of());
        List<ResponseEntity> shown = authorSide ? ResponseRepository.toProposal(s, p) : publicResponses;
        List<ProposalView.ResponseView> responses = shown.stream().map(r -> new ProposalView.ResponseView(
                r.getResponder().getDisplayName(), HtmlSanitizer.toPlainText(r.getContent()), m.date(r.getCreatedAt()),
                r.getId(), authorSide ? m.get("response." + r.getState().name().toLowerCase()) : null,
                r.getState() == ResponseEntity.State.NEW)).toList();
        ProposalView view = new ProposalView(own.language(), own.isRightToLeft(), cards.purposeLabel(p, m),
                m.get("status." + p.getStatus().wire()), p.getStatus() == ProposalStatus.OPEN, p.getTitle(),
                paragraphs(p.getDescription()),
                Arrays.stream(cards.categories(p, m).split(", ")).filter(c -> !c.isEmpty()).toList(),
                p.getAreaName(), m.date(p.getEndsAt()), ProposalCards.shownAuthor(p),
                p.getGroup() == null ? "" : p.getGroup().getDisplayName(),
                p.getGroup() == null ? "" : "@" + p.getGroup().getUsername() + "@" + urls.domain(),
                p.getUri(), responses,
                p.getQuantity() == null ? null : m.number(p.getQuantity().longValue()) + Optional.ofNullable(p.getUnit())
                        .map(u -> " " + u).orElse(""),
                m.get("kind." + p.getKind().name().toLowerCase()), author,
                v.loggedIn() && !author && p.getStatus().isActive(), author ? nextStatuses(p, m) : List.of());
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
        Map<String, Object> params = new HashMap<>();
        params.put("p", view);
        params.put("conversations", underResponses);
        params.put("own", mine);
        params.put("actingForAuthor", authorSide);
        // Who sees it, with numbers, for its author; the safety note for sensitive help, for everyone.
        if (author && p.getGroup() != null) {
            params.put("reach", reach.sentence(p.getGroup().getUsername(), p.getAudience(), m));
        }
        if (taxonomy.anySensitive(p.getCategories())) {
            params.put("safetyNote", m.get("safety.note"));
        }
        pages.render(res, v, cards.purposeLabel(p, m) + " · " + p.getTitle(), "proposal.jte", params);
    }

    private static List<Option> nextStatuses(ProposalEntity p, Messages m) {
        List<Option> next = new ArrayList<>();
        switch (p.getStatus()) {
            case OPEN -> next.addAll(List.of(action("promised", m), action("fulfilled", m), action("withdrawn", m)));
            case PROMISED -> next.addAll(List.of(action("open", m), action("fulfilled", m), action("withdrawn", m)));
            case EXPIRED -> next.add(action("withdrawn", m));
            default -> { }
        }
        return next;
    }

    private static Option action(String status, Messages m) {
        return new Option(status, m.get("action." + status), false);
    }

    private static List<String> paragraphs(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.strip().split("\\R\\s*\\R")).map(String::strip).toList();
    }
}
