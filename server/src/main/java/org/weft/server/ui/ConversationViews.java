package org.weft.server.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.weft.server.domain.response.Conversation;
import org.weft.server.domain.response.ConversationService;
import org.weft.web.i18n.Messages;
import org.weft.web.view.ConversationView;
import org.weft.web.view.ResponseItem;

/**
 * Turns a response's conversation into what a page shows: under a response (its newest few messages, shortened, and a
 * link to the rest), or on the conversation's own page (as many whole messages as keep the page under its weight).
 */
final class ConversationViews {
    /** Messages under a response on the proposal page and on "My responses": the newest two, shortened. */
    static final int INLINE = 2;
    /** Messages asked for per conversation page, before the weight budget trims them. */
    static final int PAGE = 20;
    /** Characters of message text per conversation page: 12,000 (24 KB in Arabic) keeps it under the 50 KB page weight. */
    private static final int BUDGET = 12_000;
    /** A shortened message, under a response. */
    private static final int EXCERPT = 200;
    /**
     * Closed because the responder's server was told the hidden post is gone: its sentence says the post was hidden,
     * and the hidden notice's "you can still write to each other" would contradict it.
     */
    private static final String UNREACHABLE = "conversation.closedUnreachable";
    /** Closed because the responder took their answer back: said to each side in its own words. */
    private static final String TAKEN_BACK = "conversation.closedTakenBack";
    /** Closed because the viewer blocked the other side: the form to block it would do nothing more. */
    private static final String YOU_BLOCKED = "conversation.closedYouBlocked";

    private ConversationViews() {
    }

    /** The newest messages, shortened, with a link to the conversation's page when it has more. */
    static ConversationView inline(Conversation c, Messages m, String back) {
        List<ConversationView.MessageLine> lines = c.messages().stream().map(msg -> line(msg, m, true)).toList();
        String whole = c.total() > lines.size() || lines.stream().anyMatch(l -> l.text().endsWith("…"))
                ? pageUrl(c.responseId(), 0) : null;
        return view(c, m, lines, null, whole, back);
    }

    /** The conversation's own page: whole messages, newest last, as many as the page's weight allows after {@code skip}. */
    static ConversationView page(Conversation c, Messages m, int skip) {
        List<ConversationView.MessageLine> kept = new ArrayList<>();
        int characters = 0;
        List<Conversation.Message> newestFirst = c.messages().reversed();
        for (Conversation.Message msg : newestFirst) {
            characters += msg.text().length();
            if (!kept.isEmpty() && characters > BUDGET) {
                break;
            }
            kept.add(line(msg, m, false));
        }
        int shown = skip + kept.size();
        String earlier = c.total() > shown ? pageUrl(c.responseId(), shown) : null;
        return view(c, m, kept.reversed(), earlier, null, "conversation");
    }

    /** One of the member's own responses with its conversation. */
    static ResponseItem item(Conversation c, Messages m, ConversationView conversation) {
        // One held from elsewhere is linked at its page here, where the member answered it.
        String proposal = c.proposalLocal() ? c.proposalUri() : RemoteProposalPage.path(c.proposalId());
        return new ResponseItem(c.proposalTitle(), c.proposalOnPage() ? proposal : null, excerpt(c.responseText()),
                m.date(c.responseAt()), TAKEN_BACK.equals(c.closedKey()) ? m.get("response.takenBack")
                        : m.get("response." + c.state().name().toLowerCase(Locale.ROOT)),
                pageUrl(c.responseId(), 0), conversation);
    }

    static String pageUrl(long responseId, int skip) {
        return "/conversations/" + responseId + (skip > 0 ? "?skip=" + skip : "");
    }

    private static ConversationView view(Conversation c, Messages m, List<ConversationView.MessageLine> lines, String earlier,
                                         String whole, String back) {
        return new ConversationView(c.responseId(), "conversation-" + c.responseId(), privacy(c, m),
                notice(c, m),
                lines, earlier, whole,
                m.get("conversation.whole", c.total()),
                closedText(c, m),
                m.get("conversation.writeTo", Messages.isolate(c.otherName())),
                "/conversations/" + c.responseId() + "/messages", back, ConversationService.MAX_LENGTH, null, "",
                mayBlock(c), c.mayTakeBack() ? takeBackUrl(c.responseId()) : null);
    }

    static String takeBackUrl(long responseId) {
        return "/conversations/" + responseId + "/take-back";
    }

    /** Why it is closed: an answer taken back is "you took back your answer" to its sender, named to the other side. */
    private static String closedText(Conversation c, Messages m) {
        if (c.closedKey() == null) {
            return null;
        }
        if (TAKEN_BACK.equals(c.closedKey())) {
            return c.authorSide() ? m.get(TAKEN_BACK, Messages.isolate(c.otherName())) : m.get(TAKEN_BACK + "ByYou");
        }
        return m.get(c.closedKey());
    }

    /**
     * Whether the viewer may block the other side from the conversation ({@link MemberBlockPage}): the member who
     * answered a proposal of another server, its author being there, not here (the author of a proposal here blocks a
     * responder from its page), until she has blocked it.
     */
    private static boolean mayBlock(Conversation c) {
        return !c.authorSide() && !c.proposalLocal() && !YOU_BLOCKED.equals(c.closedKey());
    }

    /**
     * What both sides must know before they write: a moderator hid the proposal; or, for the responder, the author
     * opened it again after accepting them, so what was arranged may change.
     */
    private static String notice(Conversation c, Messages m) {
        if (c.proposalHidden() && !UNREACHABLE.equals(c.closedKey())) {
            return m.get("conversation.proposalHidden");
        }
        return c.reopened() && !c.authorSide() && c.open() ? m.get("conversation.reopened") : null;
    }

    /**
     * Who reads the conversation besides the viewer: on an anonymous request's side, its author and the community's
     * moderators both, each told of the other.
     */
    private static String privacy(Conversation c, Messages m) {
        if (c.sharedWith() == null) {
            return m.get("conversation.privateWith", Messages.isolate(c.otherName()));
        }
        return m.get(c.actingFor() ? "conversation.privateActingFor" : "conversation.privateWithModerators",
                Messages.isolate(c.otherName()), Messages.isolate(c.sharedWith()));
    }

    private static ConversationView.MessageLine line(Conversation.Message msg, Messages m, boolean shorten) {
        String text = msg.removed() ? m.get("conversation.removed") : shorten ? excerpt(msg.text()) : msg.text();
        return new ConversationView.MessageLine(msg.id(), msg.byViewer() ? m.get("conversation.you") : msg.from(), text,
                m.date(msg.at()), msg.ownSide(), msg.removed(), msg.unread());
    }

    private static String excerpt(String text) {
        String t = text == null ? "" : text.strip();
        return t.codePointCount(0, t.length()) <= EXCERPT ? t : t.substring(0, t.offsetByCodePoints(0, EXCERPT)) + "…";
    }
}
