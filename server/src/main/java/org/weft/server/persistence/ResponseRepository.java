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

    /** Every response to a proposal that is neither hidden nor taken back, oldest first, with its responder. */
    public static List<ResponseEntity> toProposal(Session s, ProposalEntity p) {
        return s.createSelectionQuery("from ResponseEntity r join fetch r.responder where r.proposal = :p"
                        + " and r.hiddenAt is null and r.takenBackAt is null order by r.createdAt",
                        ResponseEntity.class)
                .setParameter("p", p).getResultList();
    }

    /**
     * The responses to a proposal its author accepted, oldest first, with their responders: what was arranged stands
     * even when a moderator hid a response's words since; not once its sender took it back (it is off).
     */
    public static List<ResponseEntity> acceptedTo(Session s, ProposalEntity p) {
        return s.createSelectionQuery("from ResponseEntity r join fetch r.responder where r.proposal = :p"
                        + " and r.state = :accepted and r.takenBackAt is null order by r.createdAt, r.id",
                        ResponseEntity.class)
                .setParameter("p", p).setParameter("accepted", ResponseEntity.State.ACCEPTED).getResultList();
    }

    /**
     * The accounts of other servers whose agreement Offer to proposal {@code p} still stands (waiting for a decision,
     * or accepted), each once, oldest Offer first: the parties to its agreements, whose servers hold a copy of it
     * whatever follows there are now. Accounts deleted since, and answers taken back, are left out.
     */
    public static List<ActorEntity> standingRemoteParties(Session s, ProposalEntity p) {
        return s.createSelectionQuery("select r.responder from ResponseEntity r where r.proposal = :p"
                        + " and r.kind = :agreement and r.state in (:standing) and r.takenBackAt is null"
                        + " and r.responder.local = false"
                        + " and r.responder.deletedAt is null order by r.createdAt, r.id", ActorEntity.class)
                .setParameter("p", p).setParameter("agreement", ResponseEntity.Kind.AGREEMENT)
                .setParameterList("standing", List.of(ResponseEntity.State.NEW, ResponseEntity.State.ACCEPTED))
                .getResultList().stream().distinct().toList();
    }

    /**
     * The responses {@code responder} sent to proposals of this instance that their authors accepted, while those
     * proposals are still on (open or promised, not deleted): what was arranged with them and is not over yet (not
     * one they took back: its author was told then).
     */
    public static List<ResponseEntity> acceptedOnLiveLocal(Session s, ActorEntity responder) {
        return s.createSelectionQuery("from ResponseEntity r join fetch r.proposal p where r.responder = :a"
                        + " and r.state = :accepted and r.takenBackAt is null and p.local = true and p.deletedAt is null"
                        + " and p.status in (:on)"
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

    /** A member's responses to one proposal that stand (neither hidden nor taken back), newest first. */
    public static List<ResponseEntity> byMemberTo(Session s, ProposalEntity p, long memberId) {
        return s.createSelectionQuery("from ResponseEntity r where r.proposal = :p and r.responder.id = :me"
                        + " and r.hiddenAt is null and r.takenBackAt is null order by r.createdAt desc, r.id desc",
                        ResponseEntity.class)
                .setParameter("p", p).setParameter("me", memberId).getResultList();
    }

    /**
     * As {@link #byMemberTo}, taking each row's lock (select ... for update), which also reads each as last committed:
     * a decision on one of them being made at this moment (another server's Accept arriving) is waited for and seen.
     */
    public static List<ResponseEntity> lockByMemberTo(Session s, ProposalEntity p, long memberId) {
        return s.createSelectionQuery("from ResponseEntity r where r.proposal = :p and r.responder.id = :me"
                        + " and r.hiddenAt is null and r.takenBackAt is null order by r.id", ResponseEntity.class)
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

    /**
     * The public responses to a proposal (its {@code replies} collection), as its page lists them: not those hidden by
     * a moderator, nor those a block leaves out ({@link #SHOWN_DESPITE_BLOCKS}), which other servers would otherwise
     * be handed to show under it.
     */
    public static long countPublic(Session s, ProposalEntity p) {
        return s.createNativeQuery("SELECT count(*) FROM response r JOIN proposal p ON p.id = r.proposal_id"
                        + " WHERE " + PUBLIC_SHOWN, Long.class)
                .addSynchronizedQuerySpace("response").addSynchronizedQuerySpace("proposal")
                .addSynchronizedQuerySpace("actor").addSynchronizedQuerySpace("account_block")
                .addSynchronizedQuerySpace("community_server_block")
                .setParameter("p", p.getId()).getSingleResult();
    }

    /** One page of the public responses to a proposal, oldest first, as {@link #countPublic} counts them. */
    public static List<ResponseEntity> publicPage(Session s, ProposalEntity p, int offset, int limit) {
        return s.createNativeQuery("SELECT r.* FROM response r JOIN proposal p ON p.id = r.proposal_id"
                        + " WHERE " + PUBLIC_SHOWN + " ORDER BY r.created_at, r.id", ResponseEntity.class)
                .addSynchronizedQuerySpace("response").addSynchronizedQuerySpace("proposal")
                .addSynchronizedQuerySpace("actor").addSynchronizedQuerySpace("account_block")
                .addSynchronizedQuerySpace("community_server_block")
                .setParameter("p", p.getId()).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** A member's own responses to proposals, newest first, with the proposals. */
    public static List<ResponseEntity> newestBy(Session s, long memberId, int limit) {
        return s.createSelectionQuery("from ResponseEntity r join fetch r.proposal where r.responder.id = :me"
                        + " order by r.createdAt desc, r.id desc", ResponseEntity.class)
                .setParameter("me", memberId).setMaxResults(limit).getResultList();
    }

    /**
     * For a response {@code r} of proposal {@code p}: whether its proposal's lists show it, the SQL twin of
     * {@code BlockedResponses.leftOut} (negated), which the page and the API's list of responses ask in Java. Left out
     * is one still waiting ({@code NEW}) whose responder, an account of another server, is blocked on the proposal: by
     * its author or its community, or the community refuses the responder's server ({@code AccountBlocks.blockedOn},
     * asking {@link AccountBlockRepository#ANY_BLOCKS_SQL} with those two as blockers). Read through the blocks' unique
     * keys and the actor's primary key, and only for a response still waiting. {@code BlockedResponsesAgreeTest} holds
     * both to the same answers.
     */
    static final String SHOWN_DESPITE_BLOCKS = "(r.state <> '" + ResponseEntity.State.NEW.name() + "'"
            + " or (select count(*) from actor a where a.id = r.responder_id and a.is_local = false) = 0"
            + " or (select count(*) from account_block b where b.blocked_id = r.responder_id"
            + " and b.blocker_id in (p.author_id, p.group_id)) = 0"
            + " and (select count(*) from actor a join community_server_block c on c.domain = a.domain"
            + " and c.community_id in (p.author_id, p.group_id)"
            + " where a.id = r.responder_id and a.is_local = false) = 0)";

    /** The public responses to proposal {@code :p} that its lists show. */
    private static final String PUBLIC_SHOWN = "r.proposal_id = :p AND r.is_public = true AND r.hidden_at IS NULL"
            + " AND r.taken_back_at IS NULL AND "
            + SHOWN_DESPITE_BLOCKS;

    /**
     * How many responses each of these proposals has (proposals without any are left out), as their lists show them:
     * not those hidden by a moderator or taken back, nor those a block leaves out ({@link #SHOWN_DESPITE_BLOCKS}). An
     * author's listing said "3 responses" where the list showed 2.
     */
    public static Map<Long, Long> countsByProposal(Session s, Collection<Long> proposalIds) {
        Map<Long, Long> counts = new HashMap<>();
        s.createNativeQuery("SELECT r.proposal_id, count(*) FROM response r JOIN proposal p ON p.id = r.proposal_id"
                        + " WHERE r.proposal_id IN (:ids) AND r.hidden_at IS NULL AND r.taken_back_at IS NULL AND "
                        + SHOWN_DESPITE_BLOCKS
                        + " GROUP BY r.proposal_id", Object[].class)
                // The tables it reads, named: a native statement would otherwise flush every pending change first.
                .addSynchronizedQuerySpace("response").addSynchronizedQuerySpace("proposal")
                .addSynchronizedQuerySpace("actor").addSynchronizedQuerySpace("account_block")
                .addSynchronizedQuerySpace("community_server_block")
                .setParameterList("ids", proposalIds).getResultList()
                .forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
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
