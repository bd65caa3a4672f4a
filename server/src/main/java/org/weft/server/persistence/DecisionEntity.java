package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.weft.server.model.DecisionMajority;
import org.weft.server.model.DecisionOutcome;

/**
 * A poll tied to a change of its community's rules (see V74): what was proposed, the majority that applies, and, once
 * the poll closed, the outcome with its final counts (never who voted).
 */
@Entity
@Table(name = "decision")
public class DecisionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "poll_id", nullable = false)
    private Long pollId;
    @Column(name = "community_id", nullable = false)
    private Long communityId;
    @Column(name = "proposed_rules", nullable = false, length = 4000)
    private String proposedRules;
    @Column(name = "rules_at_open", length = 4000)
    private String rulesAtOpen;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DecisionMajority majority;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private DecisionOutcome outcome;
    @Column(name = "votes_for", nullable = false)
    private long votesFor;
    @Column(name = "votes_against", nullable = false)
    private long votesAgainst;
    @Column(nullable = false)
    private long objections;
    @Column(nullable = false)
    private long voters;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected DecisionEntity() {
    }

    public DecisionEntity(Long pollId, Long communityId, String proposedRules, String rulesAtOpen,
                          DecisionMajority majority, Instant createdAt) {
        this.pollId = pollId;
        this.communityId = communityId;
        this.proposedRules = proposedRules;
        this.rulesAtOpen = rulesAtOpen;
        this.majority = majority;
        this.createdAt = createdAt;
    }

    /** Writes the outcome and the final counts; once (the caller holds the row's lock and checked it was open). */
    public void decide(DecisionOutcome outcome, long votesFor, long votesAgainst, long objections, long voters,
                       Instant when) {
        this.outcome = outcome;
        this.votesFor = votesFor;
        this.votesAgainst = votesAgainst;
        this.objections = objections;
        this.voters = voters;
        this.decidedAt = when;
    }

    public Long getId() {
        return id;
    }

    public Long getPollId() {
        return pollId;
    }

    public Long getCommunityId() {
        return communityId;
    }

    public String getProposedRules() {
        return proposedRules;
    }

    /** The rules when the poll opened (null: there were none). */
    public String getRulesAtOpen() {
        return rulesAtOpen;
    }

    public DecisionMajority getMajority() {
        return majority;
    }

    /** Null while the poll is open. */
    public DecisionOutcome getOutcome() {
        return outcome;
    }

    public long getVotesFor() {
        return votesFor;
    }

    public long getVotesAgainst() {
        return votesAgainst;
    }

    public long getObjections() {
        return objections;
    }

    public long getVoters() {
        return voters;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
