package org.weft.server.domain.response;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.PlainText;
import org.weft.server.domain.moderation.CopyReaders;
import org.weft.server.domain.moderation.ProposalReaders;
import org.weft.server.model.Audience;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.NotificationKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ConversationMessageEntity;
import org.weft.server.persistence.ConversationMessageRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.NotificationRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;

/**
 * The conversation that follows each response, between the proposal's side (its author, or for an anonymous request
 * someone acting for them: {@link AuthorSide}) and the responder: short plain-text messages both ways, seen by those
 * two sides only. A message to a member of this instance is kept here and they are notified; one to an actor on
 * another server goes out as a direct Note addressed to that actor alone, from the proposal's actor on the wire (the
 * community for an anonymous or community-only proposal, so the author's name never leaves), in reply to the
 * conversation's previous message (or to the response, for the first) and naming the response as its {@code context}.
 * Replies from there come back through {@link ConversationThreads}.
 */
public final class ConversationService {
    public static final int MAX_LENGTH = ConversationRules.MAX_LENGTH;

    private final Database db;
    private final DirectMessages direct;
    private final LocalUrls urls;
    private final Clock clock;

    public ConversationService(Database db, DirectMessages direct, LocalUrls urls, Clock clock) {
        this.db = db;
        this.direct = direct;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * The conversation of a response as {@code memberId} sees it, with its newest {@code limit} messages after the
     * {@code skip} newest. Anyone but its two sides gets {@link NotFoundException}, as if it did not exist.
     */
    public Conversation view(long memberId, long responseId, int skip, int limit) {
        return db.inTransaction(s -> {
            ResponseEntity r = partOf(s, memberId, responseId);
            return read(s, memberId, r, authorSide(s, memberId, r), skip, limit);
        });
    }

    /**
     * Inside the caller's transaction: the conversations on a proposal that {@code memberId} may read, by response id,
     * each with its newest {@code limit} messages. Every response's for the author's side, but those its lists leave
     * out for a block ({@link BlockedResponses}); a responder's own otherwise.
     */
    public Map<Long, Conversation> onProposal(Session s, long memberId, ProposalEntity p, int limit) {
        boolean authorSide = AuthorSide.mayActFor(s, memberId, p);
        List<ResponseEntity> responses = authorSide ? BlockedResponses.shown(s, ResponseRepository.toProposal(s, p))
                : ResponseRepository.byMemberTo(s, p, memberId);
        Map<Long, Conversation> conversations = new LinkedHashMap<>();
        for (ResponseEntity r : responses) {
            conversations.put(r.getId(), read(s, memberId, r, authorSide && r.getResponder().getId() != memberId, 0, limit));
        }
        return conversations;
    }

    /** The member's own responses, newest first (skipping {@code skip}), each with its newest {@code limit} messages. */
    public List<Conversation> ofResponder(long memberId, int skip, int count, int limit) {
        return db.inTransaction(s -> ResponseRepository.newestBy(s, memberId, skip + count).stream().skip(skip)
                .map(r -> read(s, memberId, r, false, 0, limit)).toList());
    }

    /**
     * {@code memberId} writes {@code text} in the conversation of a response they are part of.
     *
     * @throws InvalidInputException when the text is empty or too long ({@code message_empty}, {@code message_too_long})
     * @throws ConflictException     when the conversation is closed or full ({@code conversation_closed},
     *                               {@code conversation_full})
     * @throws NotFoundException     when there is no such response or the member is not one of its two sides
     */
    public Conversation.Message post(long memberId, long responseId, String text) {
        String clean = checked(text);
        return db.inTransaction(s -> {
            ResponseEntity r = partOf(s, memberId, responseId);
            ActorEntity writer = s.find(ActorEntity.class, memberId);
            ConversationMessageEntity m = write(s, r, authorSide(s, memberId, r), writer, clean);
            return new Conversation.Message(m.getId(), true, true, ConversationRules.name(writer), clean,
                    m.getWrittenAt(), false, false);
        });
    }

    /** Inside the caller's transaction, {@code writer} writes for the proposal's side (the hand-off on accepting). */
    void postForAuthor(Session s, ResponseEntity r, ActorEntity writer, String text) {
        write(s, r, true, writer, checked(text));
    }

    private ConversationMessageEntity write(Session s, ResponseEntity r, boolean authorSide, ActorEntity writer, String text) {
        // One message of a conversation at a time, from here as from other servers (ConversationThreads): the count
        // below and the other side's unread notice then see the one before.
        ResponseRepository.lock(s, r);
        String closed = ConversationRules.closedKey(s, r);
        if (closed != null) {
            throw new ConflictException("conversation_closed", closed);
        }
        if (ConversationMessageRepository.count(s, r) >= ConversationRules.MAX_MESSAGES) {
            throw new ConflictException("conversation_full", "conversation.full");
        }
        ProposalEntity p = r.getProposal();
        ActorEntity from = authorSide ? p.getAttributedTo() : r.getResponder();
        ActorEntity to = authorSide ? r.getResponder() : p.getAttributedTo();
        Instant now = clock.instant();
        String uri;
        if (to.isLocal()) {
            uri = urls.note(UUID.randomUUID().toString());
        } else {
            uri = direct.sendInConversation(s, from, to, r, text);
        }
        ConversationMessageEntity message = new ConversationMessageEntity(r, uri, authorSide, from, writer.getId(),
                PlainText.toHtml(text), now, now);
        s.persist(message);
        if (to.isLocal()) {
            ConversationRules.notifyOf(s, authorSide ? r.getResponder() : p.getAuthor(), r, message, now);
        }
        return message;
    }

    /** Who a conversation message is from, as the other side is shown it (for its notification). */
    public static String shownSender(ConversationMessageEntity m) {
        ResponseEntity r = m.getResponse();
        return m.isAuthorSide() ? ConversationRules.authorSideName(r.getProposal()) : ConversationRules.name(r.getResponder());
    }

    /**
     * Who a conversation message went to, as its sender's side is shown them: the responder, or the proposal's side
     * (for an anonymous or community-only proposal the community, never the member behind it).
     */
    public static String shownRecipient(ConversationMessageEntity m) {
        ResponseEntity r = m.getResponse();
        return m.isAuthorSide() ? ConversationRules.name(r.getResponder()) : ConversationRules.authorSideName(r.getProposal());
    }

    /** A conversation message's words as plain text; null once a moderator hid it. */
    public static String shownText(ConversationMessageEntity m) {
        return m.isHidden() ? null : ConversationRules.plain(m.getContent());
    }

    /** The response, if {@code memberId} is its responder or may act for its proposal's author; else not found. */
    private static ResponseEntity partOf(Session s, long memberId, long responseId) {
        ResponseEntity r = s.find(ResponseEntity.class, responseId);
        if (r == null || !ResponseReaders.inConversation(s, memberId, r)) {
            throw new NotFoundException("No conversation " + responseId);
        }
        return r;
    }

    /** Which side a member of the conversation writes on: their own response's, else the proposal's. */
    private static boolean authorSide(Session s, long memberId, ResponseEntity r) {
        return r.getResponder().getId() != memberId && AuthorSide.mayActFor(s, memberId, r.getProposal());
    }

    private static String checked(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw InvalidInputException.field("text", "message_empty");
        }
        if (ConversationRules.length(clean) > ConversationRules.MAX_LENGTH) {
            throw InvalidInputException.field("text", "message_too_long", ConversationRules.MAX_LENGTH);
        }
        return clean;
    }

    /**
     * The community whose moderators share an anonymous request's side with its author ({@link AuthorSide}), when the
     * viewer is on that side; else null.
     */
    private static String sharedWith(ProposalEntity p, boolean authorSide) {
        return authorSide && p.isLocal() && p.getAudience() == Audience.ANONYMOUS && p.getGroup() != null
                ? ConversationRules.name(p.getGroup()) : null;
    }

    /** Accepting made the proposal promised: open again means its author moved it back ({@code Reopened}). */
    private static boolean reopened(ResponseEntity r) {
        return r.getState() == ResponseEntity.State.ACCEPTED && r.getProposal().getStatus() == ProposalStatus.OPEN;
    }

    /**
     * Whether the conversation's heading may link the proposal's page for {@code memberId}: never to a page that would
     * answer 404. A member may open any local proposal's page (community-only ones too) until it is withdrawn or
     * deleted, or a moderator hid it: then its author and its moderators only. A copy from another server has the page
     * {@link CopyReaders} opens, which an unlink, or a block where it is held, takes away.
     */
    private static boolean onPage(Session s, long memberId, ProposalEntity p) {
        if (!p.isLocal()) {
            return CopyReaders.mayOpen(s, Optional.of(memberId), p);
        }
        return !p.isDeleted() && p.getStatus() != ProposalStatus.WITHDRAWN
                && (!p.isHeldByModerator() || ProposalReaders.mayOpen(s, Optional.of(memberId), p));
    }

    private static Conversation read(Session s, long memberId, ResponseEntity r, boolean authorSide, int skip, int limit) {
        ProposalEntity p = r.getProposal();
        String responderName = ConversationRules.name(r.getResponder());
        String otherName = authorSide ? responderName : ConversationRules.authorSideName(p);
        Map<Long, String> writers = new HashMap<>();
        // The other side's messages that arrived since the first the viewer's unread notification counts are news to
        // them, wherever they are in the order they were written.
        long newsFrom = NotificationRepository.unreadAbout(s, memberId, NotificationKind.CONVERSATION.wire(), r.getId())
                .map(NotificationEntity::getFirstMessageId).orElse(Long.MAX_VALUE);
        List<Conversation.Message> messages = ConversationMessageRepository.newest(s, r, skip, limit).stream().map(m -> {
            boolean ownSide = m.isAuthorSide() == authorSide;
            boolean byViewer = m.getWriterId() != null && m.getWriterId() == memberId;
            String from = !ownSide ? otherName : m.getWriterId() == null ? ConversationRules.name(m.getSender())
                    : writers.computeIfAbsent(m.getWriterId(), id -> ConversationRules.name(s.find(ActorEntity.class, id)));
            return new Conversation.Message(m.getId(), byViewer, ownSide, from,
                    m.isHidden() ? "" : ConversationRules.plain(m.getContent()), m.getWrittenAt(), m.isHidden(),
                    !ownSide && m.getId() >= newsFrom);
        }).toList();
        boolean onPage = onPage(s, memberId, p);
        return new Conversation(r.getId(), p.getId(), p.getUri(), p.getTitle(), p.isLocal(), onPage,
                ProposalReaders.hidden(p), reopened(r), authorSide, otherName,
                responderName, sharedWith(p, authorSide), authorSide && p.getAuthor().getId() != memberId,
                ConversationRules.plain(r.getContent()), r.getCreatedAt(), r.getState(), ConversationRules.closedKey(s, r),
                !authorSide && r.getResponder().getId() == memberId && !r.isTakenBack() && !r.isHidden(), messages,
                ConversationMessageRepository.count(s, r));
    }
}
