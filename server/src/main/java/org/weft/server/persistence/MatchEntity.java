package org.weft.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stored match between a request and an offer; one row per pair, whichever side was seen first. Its state is the
 * pair's (both still open and fitting, or not); a dismissal is each local author's own, kept per side.
 */
@Entity
@Table(name = "proposal_match")
public class MatchEntity {
    /** NEW while both sides are open and fit each other; WITHDRAWN when either stops (and NEW again if it comes back). */
    public enum State { NEW, WITHDRAWN }

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
    /** When the request's author dismissed it (for themselves only), or null. */
    @Column(name = "request_dismissed_at")
    private Instant requestDismissedAt;
    /** When the offer's author dismissed it (for themselves only), or null. */
    @Column(name = "offer_dismissed_at")
    private Instant offerDismissedAt;

    protected MatchEntity() {
    }

    /** A new match, NEW; {@code reasons} as the matcher encodes them. */
    public MatchEntity(long requestId, long offerId, int score, String reasons, Instant now) {
        this.requestId = requestId;
        this.offerId = offerId;
        this.state = State.NEW;
        this.createdAt = now;
        rescore(score, reasons, now);
    }

    public void rescore(int score, String reasons, Instant now) {
        this.score = score;
        this.reasons = reasons;
        this.updatedAt = now;
    }

    public void setState(State state, Instant now) {
        this.state = state;
        this.updatedAt = now;
    }

    /**
     * Dismisses the match for the author of the request side, the offer side, or both (one member may have posted both);
     * a side dismissed already keeps its first time. The other side's author is not affected.
     */
    public void dismiss(boolean requestSide, boolean offerSide, Instant now) {
        if (requestSide && requestDismissedAt == null) {
            requestDismissedAt = now;
        }
        if (offerSide && offerDismissedAt == null) {
            offerDismissedAt = now;
        }
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

    public Instant getRequestDismissedAt() {
        return requestDismissedAt;
    }

    public Instant getOfferDismissedAt() {
        return offerDismissedAt;
    }
}
