package org.weft.server.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored match between a request and an offer; one row per pair, whichever side was seen first. */
@Entity
@Table(name = "proposal_match")
public class MatchEntity {
    /** NEW until the member dismisses it or either side stops being open. */
    public enum State { NEW, DISMISSED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "request_id", nullable = false)
    private Long requestId;
    @Column(name = "offer_id", nullable = false)
    private Long offerId;
    @Column(nullable = false)
    private int score;
    @Column(nullable = false, length = 500)
    private String reasons;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private State state;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected MatchEntity() {
    }

    public MatchEntity(ScoredMatch match, Instant now) {
        this.requestId = match.requestId();
        this.offerId = match.offerId();
        this.state = State.NEW;
        this.createdAt = now;
        rescore(match, now);
    }

    public void rescore(ScoredMatch match, Instant now) {
        this.score = match.score();
        this.reasons = Reason.encodeAll(match.reasons());
        this.updatedAt = now;
    }

    public void setState(State state, Instant now) {
        this.state = state;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
    }

    public Long getOfferId() {
        return offerId;
    }

    public int getScore() {
        return score;
    }

    public String getReasons() {
        return reasons;
    }

    public State getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
