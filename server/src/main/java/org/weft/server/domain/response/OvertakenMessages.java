package org.weft.server.domain.response;

import java.util.List;

import org.hibernate.Session;
import org.weft.server.model.NotificationKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ConversationMessageEntity;
import org.weft.server.persistence.ConversationMessageRepository;
import org.weft.server.persistence.MessageEntity;
import org.weft.server.persistence.MessageRepository;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.NotificationRepository;
import org.weft.server.persistence.ResponseEntity;

/**
 * Conversation messages that arrived before the response they follow. Between Weft instances deliveries run side by
 * side, so a responder's first message may reach this instance before their {@code Offer}: it names a response
 * unknown here, and is kept as a direct message to the proposal's author (or, unseen, by the community a
 * community-only or anonymous proposal speaks as), with the {@code context} it names. When
 * that response arrives, its sender's messages in that context move into its conversation, at its start (so in the
 * order they came, before anything said after the response), once each, and their notifications then lead
 * to the conversation. Only the responder's own messages move: one from anybody else naming the same context stays a
 * direct message, as {@link ConversationThreads} refuses anybody else a place in the conversation. A response that
 * never arrives leaves its messages where they are, direct messages; those a community kept are removed after a
 * while ({@code MessagesAhead}).
 */
final class OvertakenMessages {
    private OvertakenMessages() {
    }

    /**
     * Moves into the conversation of {@code r}, a response from another server just kept (inside the caller's
     * transaction), the messages its responder sent ahead of it; returns how many moved. One the conversation would not
     * take (empty, too long, the conversation full or closed) stays a direct message.
     */
    static int adopt(Session s, ResponseEntity r) {
        ActorEntity responder = r.getResponder();
        // Their messages went to the proposal's actor: its author, or for a community-only or anonymous proposal its
        // community, which kept them unseen for this moment (MessageInbox.keep).
        ActorEntity recipient = r.getProposal().getAttributedTo();
        if (responder.isLocal() || ConversationRules.closedKey(s, r) != null) {
            return 0;
        }
        int moved = 0;
        for (MessageEntity ahead : MessageRepository.inContext(s, r.getUri(), responder.getId(), recipient.getId())) {
            int length = ConversationRules.length(ConversationRules.plain(ahead.getContent()).strip());
            if (length == 0 || length > ConversationRules.MAX_REMOTE_LENGTH
                    || ConversationMessageRepository.existsWithUri(s, ahead.getUri())
                    || ConversationMessageRepository.count(s, r) >= ConversationRules.MAX_MESSAGES) {
                continue;
            }
            // Written before the response arrived, as far as this instance can tell: shown at the conversation's
            // start, in the order they came, before anything said since.
            ConversationMessageEntity message = new ConversationMessageEntity(r, ahead.getUri(), false, responder, null,
                    ahead.getContent(), ahead.getReceivedAt(),
                    ConversationRules.writtenAt(r, null, null, ahead.getReceivedAt()));
            if (ahead.getUpdatedAt() != null) {
                // An edit older than the one applied must not win later, as for any message of the conversation.
                message.edit(ahead.getContent(), ahead.getUpdatedAt());
            }
            s.persist(message);
            List<NotificationEntity> told = NotificationRepository.ofMessage(s, ahead.getId());
            for (NotificationEntity notice : told) {
                notice.movedToConversation(NotificationKind.CONVERSATION.wire(), r.getProposal().getId(), r.getId(),
                        message.getId());
            }
            if (told.isEmpty()) {
                // Kept by the community, which tells nobody: the proposal's author hears of it now.
                ConversationRules.notifyOf(s, r.getProposal().getAuthor(), r, message, ahead.getReceivedAt());
            }
            s.remove(ahead);
            moved++;
        }
        return moved;
    }
}
