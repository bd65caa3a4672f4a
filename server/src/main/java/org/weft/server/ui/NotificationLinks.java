package org.weft.server.ui;

import java.net.URI;

import org.weft.server.domain.notification.NotificationDetail;
import org.weft.server.model.NotificationKind;
import org.weft.web.i18n.Messages;

/**
 * What a notification says, in the member's language, and where it leads: a match to that match on
 * {@code /me/matches} (listing every state); an answer taken back to its conversation's page (closed, saying so); a
 * response, a decision or a conversation message to the conversation under the response on the proposal's page (or
 * the conversation's own page when the proposal has no page here: answered elsewhere, withdrawn, deleted); a direct
 * message to itself, where its words are shown.
 */
final class NotificationLinks {
    private NotificationLinks() {
    }

    static String title(NotificationDetail n, Messages m) {
        // Titles and names are people's words, in any script: isolated, so they do not turn the sentence around.
        String about = n.proposalTitle() != null ? Messages.isolate(n.proposalTitle()) : m.get("notification.proposalGone");
        String from = n.from() == null ? null : Messages.isolate(n.from());
        if (n.kind() == null) {
            return m.get("notification.other", about);
        }
        return switch (n.kind()) {
            case MESSAGE -> n.proposalTitle() != null ? m.get("notification.message", about)
                    : from != null ? m.get("notification.messageFrom", from) : m.get("notification.messageAlone");
            // A digest of the unread new messages of one conversation: how many, from whom (the newest's sender).
            case CONVERSATION -> n.count() > 1 ? m.get("notification.conversations", n.count(), about,
                    from == null ? "" : from) : m.get("notification.conversation", about, from == null ? "" : from);
            // A digest of the new matches of one proposal: how many, and for what.
            case MATCH -> m.get("notification.match", n.count(), about);
            // Not "withdrawn": its author deleted their account.
            case CALLED_OFF -> m.get(n.authorLeft() ? "notification.called-offLeft"
                    : n.deletedOpen() ? "notification.called-offDeleted" : "notification.called-off", about);
            // Who took their answer back, and from what.
            case ANSWER_TAKEN_BACK, PROMISE_TAKEN_BACK -> m.get("notification." + n.kind().wire(), about,
                    from == null ? "" : from);
            // A moderator of which community: the post's own (an operator's "this server" for one in none); never who.
            case POST_HIDDEN, POST_SHOWN -> n.community() == null ? m.get("notification." + n.kind().wire() + "Here", about)
                    : m.get("notification." + n.kind().wire(), about, Messages.isolate(n.community()));
            default -> m.get("notification." + n.kind().wire(), about);
        };
    }

    static String target(NotificationDetail n) {
        if (n.kind() == NotificationKind.MATCH && n.count() > 1 && n.proposalId() != null) {
            // A digest of several new matches: all of that proposal's, not only the first.
            return "/me/matches?state=all&proposal=" + n.proposalId();
        }
        if (n.kind() == NotificationKind.MATCH || n.kind() == NotificationKind.MATCH_GONE) {
            // Every state: the match may have been withdrawn or dismissed since (a match-gone one always was).
            return n.matchId() == null ? "/me/matches" : "/me/matches?state=all#match-" + n.matchId();
        }
        if (n.responseId() != null && (n.kind() == NotificationKind.ANSWER_TAKEN_BACK
                || n.kind() == NotificationKind.PROMISE_TAKEN_BACK)) {
            // The proposal's page no longer lists the answer: its conversation's page says it was taken back.
            return ConversationViews.pageUrl(n.responseId(), 0);
        }
        if (n.responseId() != null) {
            return n.proposalOnPage() ? URI.create(n.proposalUri()).getPath() + "#conversation-" + n.responseId()
                    : ConversationViews.pageUrl(n.responseId(), 0);
        }
        if (n.proposalOnPage()) {
            return URI.create(n.proposalUri()).getPath();
        }
        return "/me/notifications#notification-" + n.id();
    }
}
