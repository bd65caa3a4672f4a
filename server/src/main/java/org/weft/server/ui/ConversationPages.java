package org.weft.server.ui;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.notification.NotificationService;
import org.weft.server.domain.response.Conversation;
import org.weft.server.domain.response.ConversationService;
import org.weft.server.domain.response.TakenBackAnswers;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.Confirmation;
import org.weft.web.view.ConversationView;
import org.weft.web.view.FormError;
import org.weft.web.view.Link;
import org.weft.web.view.ResponseItem;

/**
 * The conversation after a response, for its two sides only: its own page ({@code /conversations/{id}}, the
 * response's id), writing in it (a form on that page, under the response on the proposal page, and on "My
 * responses"), and "My responses" ({@code /me/responses}), the member's own answers with their conversations.
 * Anyone else gets the same 404 as for a conversation that does not exist. A refused message (empty, too long, the
 * conversation closed) brings its page back with why beside the box and the words still in it; nothing is stored.
 * The responder may take their answer back from it ({@link TakenBackAnswers}), after a page that asks first.
 */
public final class ConversationPages {
    /** Responses per page of "My responses": with two shortened messages each, well inside the page weight. */
    static final int RESPONSES_PAGE = 10;
    private static final int MAX_SKIP = 10_000;
    private static final Set<String> NOTICES = Set.of("respondedRemote", "respondedRemoteAnonymous", "takenBack");

    private final Pages pages;
    private final ConversationService conversations;
    private final NotificationService notifications;
    private final TakenBackAnswers takenBack;

    public ConversationPages(Pages pages, ConversationService conversations, NotificationService notifications,
                             TakenBackAnswers takenBack) {
        this.pages = pages;
        this.conversations = conversations;
        this.notifications = notifications;
        this.takenBack = takenBack;
    }

    public void conversation(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        try {
            // Landed here after answering a proposal from another server from its page here: told it was sent.
            show(res, Status.OK_200, v, responseId(req), number(req, "skip"), null, "",
                    Pages.notice(req, v.messages(), NOTICES));
        } catch (NotFoundException e) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
        }
    }

    /**
     * The conversation's page as its member {@code v} sees it after {@code skip} messages; after a refused message,
     * with why ({@code error}) next to the box and what they {@code typed} still in it.
     */
    private void show(ServerResponse res, Status status, Visitor v, long id, int skip, FormError error, String typed,
                      String notice) {
        Messages m = v.messages();
        long me = v.member().get().memberId();
        Conversation c = conversations.view(me, id, skip, ConversationViews.PAGE);
        ConversationView view = ConversationViews.page(c, m, skip);
        // The messages shown here are read: their notifications (the reader's own) are not news any more. Those the
        // page's weight left for the earlier page are not shown, and stay news.
        notifications.markMessagesRead(me, view.messages().stream().map(ConversationView.MessageLine::id).toList());
        ResponseItem item = ConversationViews.item(c, m, error == null ? view : view.refused(error, typed));
        Map<String, Object> params = new HashMap<>();
        params.put("r", item);
        params.put("notice", notice);
        params.put("back", back(c, m));
        // The title is a person's words, in any script: isolated, so it does not turn the heading's sentence around.
        String heading = m.get("conversation.title", Messages.isolate(c.proposalTitle()));
        pages.render(res, status, v, section(c), heading, "conversation_page.jte", params);
    }

    /**
     * The menu entry the page is under, for each side its own: the proposal's author finds it from "My proposals", the
     * responder from "My responses"; a moderator acting for an anonymous request's author has neither list to be in.
     */
    private static String section(Conversation c) {
        return !c.authorSide() ? "responses" : c.actingFor() ? null : "mine";
    }

    /**
     * Where the page leads back to, for each side its own: the proposal's side to the response on the proposal's page
     * (to "My proposals" once it has none; nowhere for a moderator acting for an anonymous request's author, whose
     * list it is not), the responder to "My responses".
     */
    private static Link back(Conversation c, Messages m) {
        if (!c.authorSide()) {
            return new Link(m.get("conversation.myResponses"), "/me/responses");
        }
        if (c.proposalLocal() && c.proposalOnPage()) {
            return new Link(m.get("conversation.backToProposal"),
                    URI.create(c.proposalUri()).getRawPath() + "#response-" + c.responseId());
        }
        return c.actingFor() ? null : new Link(m.get("nav.mine"), "/me/proposals");
    }

    /** A message written on any of the pages with the form; back to where it was written. */
    public void write(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        long id;
        try {
            id = responseId(req);
        } catch (NotFoundException e) {
            pages.notFound(res, v);
            return;
        }
        long me = v.member().get().memberId();
        // Once per form: a second tap, or a reload of the answer, does not write the message twice.
        try {
            pages.once(res, v, form, ConversationViews.pageUrl(id, 0), () -> {
                conversations.post(me, id, Forms.first(form, "text"));
                Conversation c = conversations.view(me, id, 0, 1);
                return switch (Forms.first(form, "back")) {
                    case "proposal" -> c.proposalLocal() && c.proposalOnPage() ? URI.create(c.proposalUri()).getPath()
                            + "#conversation-" + id : ConversationViews.pageUrl(id, 0);
                    case "responses" -> "/me/responses#response-" + id;
                    default -> ConversationViews.pageUrl(id, 0) + "#conversation-" + id;
                };
            });
        } catch (NotFoundException e) {
            pages.notFound(res, v);
        } catch (InvalidInputException | ConflictException e) {
            // Nothing was stored and nobody told: the conversation's page again, why beside the box, the words kept in it.
            show(res, e instanceof ConflictException ? Status.CONFLICT_409 : Status.BAD_REQUEST_400, v, id, 0,
                    Pages.textRefusal(v.messages(), e), Forms.first(form, "text"), null);
        }
    }

    /**
     * "Take back my answer", from the conversation's page or "My responses": asks first (naming the proposal), then
     * takes it back and returns to where it was asked, which now says so. A second tap changes nothing more.
     */
    public void takeBack(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        long me = v.member().get().memberId();
        String back = "responses".equals(Forms.first(form, "back")) ? "responses" : "conversation";
        try {
            long id = responseId(req);
            Conversation c = conversations.view(me, id, 0, 1);
            if (!c.authorSide() && !Pages.confirmed(form)) {
                Messages m = v.messages();
                pages.confirm(res, v, m.get("confirm.takeBackTitle"), new Confirmation(c.proposalTitle(), null,
                        m.get("confirm.takeBack"), ConversationViews.takeBackUrl(id),
                        List.of(new Confirmation.Field("back", back)), m.get("conversation.takeBack"),
                        ConversationViews.pageUrl(id, 0)));
                return;
            }
            takenBack.takeBack(me, id);
            Pages.redirect(res, "responses".equals(back) ? Pages.done("/me/responses", "takenBack", "response-" + id)
                    : Pages.done(ConversationViews.pageUrl(id, 0), "takenBack", "conversation-" + id));
        } catch (NotFoundException e) {
            pages.notFound(res, v);
        }
    }

    public void responses(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        Messages m = v.messages();
        int page = Math.min(number(req, "page"), 100);
        List<Conversation> found = conversations.ofResponder(v.member().get().memberId(), page * RESPONSES_PAGE,
                RESPONSES_PAGE + 1, ConversationViews.INLINE);
        List<ResponseItem> items = found.stream().limit(RESPONSES_PAGE)
                .map(c -> ConversationViews.item(c, m, ConversationViews.inline(c, m, "responses"))).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("items", items);
        params.put("notice", Pages.notice(req, m, NOTICES));
        params.put("next", found.size() > RESPONSES_PAGE ? "/me/responses?page=" + (page + 1) : null);
        pages.render(res, v, m.get("conversation.myResponses"), "responses.jte", params);
    }

    private static long responseId(ServerRequest req) {
        try {
            return Long.parseLong(req.path().pathParameters().get("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("No conversation " + req.path().pathParameters().get("id"));
        }
    }

    private static int number(ServerRequest req, String name) {
        try {
            return Math.max(0, Math.min(MAX_SKIP, Integer.parseInt(req.query().first(name).orElse("0"))));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
