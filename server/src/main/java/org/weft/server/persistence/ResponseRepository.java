package org.weft.server.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.weft.server.model.ProposalStatus;

/** Queries over responses (replies, direct messages, agreements), inside the caller's transaction. */
public final class ResponseRepository {
    /**
     * Takes the response's row lock until the transaction ends (select ... for update): messages of its conversation
     * that arrive side by side are kept one after the other, so each finds the unread notice the one before made (one
     * notice counts them) instead of both making one, or both counting from the same number.
     */
    public static void lock(Session s, ResponseEntity r) {
        s.lock(r, LockModeType.PESSIMISTIC_WRITE);
    }

    private ResponseRepository() {
    }

    /** Whether a response with this ActivityPub id is kept already (redelivery changes nothing). */
    public static boolean existsWithUri(Session s, String uri) {
        return s.createSelectionQuery("select count(*) from ResponseEntity where uri = :u", Long.class)
                .setParameter("u", uri).getSingleResult() > 0;
    }

    /** Every response to a proposal that is not hidden, oldest first, with its responder. */
    public static List<ResponseEntity> toProposal(Session s, ProposalEntity p) {
        return s.createSelectionQuery("from ResponseEntity r join fetch r.responder where r.proposal = :p"
                        + " and r.hiddenAt is null order by r.createdAt",
                        ResponseEntity.class)
                .setParameter("p", p).getResultList();
    }

    /**
     * The responses to a proposal its author accepted, oldest first, with their responders: what was arranged stands
     * even when a moderator hid a response's words since.
     */
    public static List<ResponseEntity> acceptedTo(Session s, ProposalEntity p) {
        return s.createSelectionQuery("from ResponseEntity r join fetch r.responder where r.proposal = :p"
                        + " and r.state = :accepted order by r.createdAt, r.id", ResponseEntity.class)
                .setParameter("p", p).setParameter("accepted", ResponseEntity.State.ACCEPTED).getResultList();
    }

    /**
     * The responses {@code responder} sent to proposals of this instance that their authors accepted, while those
     * proposals are still on (open or promised, not deleted): what was arranged with them and is not over yet.
     */
    public static List<ResponseEntity> acceptedOnLiveLocal(Session s, ActorEntity responder) {
        return s.createSelectionQuery("from ResponseEntity r join fetch r.proposal p where r.responder = :a"
                        + " and r.state = :accepted and p.local = true and p.deletedAt is null and p.status in (:on)"
                        + " order by r.createdAt, r.id", ResponseEntity.class)
                .setParameter("a", responder).setParameter("accepted", ResponseEntity.State.ACCEPTED)
                .setParameterList("on", List.of(ProposalStatus.OPEN, ProposalStatus.PROMISED)).getResultList();
    }

    /**
     * The actors of other servers {@code member} had a conversation with under their name: those who answered a
     * proposal attributed to the member, and the owners of proposals elsewhere the member answered. Answers to a
     * proposal posted under a community's name are left out: their senders were never shown the member.
     */
    public static List<ActorEntity> remoteCounterparts(Session s, ActorEntity member) {
        List<ActorEntity> actors = new ArrayList<>(s.createSelectionQuery("select distinct r.responder"
                        + " from ResponseEntity r where r.proposal.attributedTo = :m and r.responder.local = false",
                        ActorEntity.class).setParameter("m", member).getResultList());
        actors.addAll(s.createSelectionQuery("select distinct r.proposal.attributedTo from ResponseEntity r"
                        + " where r.responder = :m and r.proposal.local = false", ActorEntity.class)
                .setParameter("m", member).getResultList());
        return actors;
    }

    /** A response with its responder and proposal loaded; throws when there is none. */
    public static ResponseEntity withResponderAndProposal(Session s, long responseId) {
        return s.createSelectionQuery("from ResponseEntity r join fetch r.responder join fetch r.proposal"
                + " where r.id = :id", ResponseEntity.class).setParameter("id", responseId).getSingleResult();
    }

    /** The response with this ActivityPub id, with its responder and proposal. */
    public static Optional<ResponseEntity> byUri(Session s, String uri) {
        return s.createSelectionQuery("from ResponseEntity r join fetch r.responder join fetch r.proposal where r.uri = :u",
                ResponseEntity.class).setParameter("u", uri).uniqueResultOptional();
    }

    /** A member's responses to one proposal, newest first. */
    public static List<ResponseEntity> byMemberTo(Session s, ProposalEntity p, long memberId) {
        return s.createSelectionQuery("from ResponseEntity r where r.proposal = :p and r.responder.id = :me"
                        + " and r.hiddenAt is null order by r.createdAt desc, r.id desc", ResponseEntity.class)
                .setParameter("p", p).setParameter("me", memberId).getResultList();
    }

    /**
     * As {@link #byMemberTo}, taking each row's lock (select ... for update), which also reads each as last committed:
     * a decision on one of them being made at this moment (another server's Accept arriving) is waited for and seen.
     */
    public static List<ResponseEntity> lockByMemberTo(Session s, ProposalEntity p, long memberId) {
        return s.createSelectionQuery("from ResponseEntity r where r.proposal = :p and r.responder.id = :me"
                        + " and r.hiddenAt is null order by r.id", ResponseEntity.class)
                .setParameter("p", p).setParameter("me", memberId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** An agreement Offer one of our members sent, by the Offer's id. */
    public static Optional<ResponseEntity> sentAgreement(Session s, String offerId) {
        return s.createSelectionQuery(
                        "from ResponseEntity r where r.uri = :u and r.kind = :k and r.responder.local = true",
                        ResponseEntity.class)
                .setParameter("u", offerId).setParameter("k", ResponseEntity.Kind.AGREEMENT).uniqueResultOptional();
    }

    /** The public responses to a proposal (its {@code replies} collection). */
    public static long countPublic(Session s, ProposalEntity p) {
        return s.createSelectionQuery(
                        "select count(*) from ResponseEntity where proposal = :p and publicResponse = true"
                                + " and hiddenAt is null",
                        Long.class)
                .setParameter("p", p).getSingleResult();
    }

    /** One page of the public responses to a proposal, oldest first. */
    public static List<ResponseEntity> publicPage(Session s, ProposalEntity p, int offset, int limit) {
        return s.createSelectionQuery("from ResponseEntity r join fetch r.responder where r.proposal = :p"
                        + " and r.publicResponse = true and r.hiddenAt is null order by r.createdAt", ResponseEntity.class)
                .setParameter("p", p).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** A member's own responses to proposals, newest first, with the proposals. */
    public static List<ResponseEntity> newestBy(Session s, long memberId, int limit) {
        return s.createSelectionQuery("from ResponseEntity r join fetch r.proposal where r.responder.id = :me"
                        + " order by r.createdAt desc, r.id desc", ResponseEntity.class)
                .setParameter("me", memberId).setMaxResults(limit).getResultList();
    }

    /** How many responses each of these proposals has (proposals without any are left out). */
    public static Map<Long, Long> countsByProposal(Session s, Collection<Long> proposalIds) {
        Map<Long, Long> counts = new HashMap<>();
        s.createSelectionQuery("select r.proposal.id, count(r) from ResponseEntity r where r.proposal.id in (:ids)"
                        + " and r.hiddenAt is null group by r.proposal.id", Object[].class)
                .setParameterList("ids", proposalIds).getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    /** Deletes the response with this id if {@code responder} sent it; returns whether one was deleted. */
    public static boolean deleteSentBy(Session s, String uri, ActorEntity responder) {
        return s.createMutationQuery("delete from ResponseEntity where uri = :u and responder = :a")
                .setParameter("u", uri).setParameter("a", responder).executeUpdate() > 0;
    }

    /** Deletes every response an actor sent (the actor was deleted); returns how many. */
    public static int deleteAllBy(Session s, ActorEntity responder) {
        return s.createMutationQuery("delete from ResponseEntity where responder = :a").setParameter("a", responder)
                .executeUpdate();
    }

    /** As {@link #deleteAllBy} but keeping the responses with the ids in {@code kept}; returns how many went. */
    public static int deleteAllByExcept(Session s, ActorEntity responder, Collection<Long> kept) {
        if (kept.isEmpty()) {
            return deleteAllBy(s, responder);
        }
        return s.createMutationQuery("delete from ResponseEntity where responder = :a and id not in (:kept)")
                .setParameter("a", responder).setParameterList("kept", kept).executeUpdate();
    }
}
