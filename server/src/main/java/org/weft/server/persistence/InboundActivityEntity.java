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
import org.hibernate.annotations.DynamicUpdate;

/**
 * A verified activity as it arrived, waiting for (or done with) background processing. The body itself is not
 * mapped: {@link org.weft.server.queue.InboxWriter} writes it and {@link org.weft.server.queue.InboundStore#body}
 * reads it, so loading or updating a row never loads a body that may be a megabyte, and its column may have
 * another type on each database (see {@link InboundBodiesOutOfRow}). Once processed and kept long enough, the
 * body is emptied and {@code prunedAt} set; the row stays a while longer so a redelivery is still a no-op.
 */
@Entity
@Table(name = "inbound_activity")
// Finishing a row changes its state and times only: write just those columns.
@DynamicUpdate
public class InboundActivityEntity {
    /** Processing state of an inbound activity. */
    public enum State { PENDING, DONE, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "activity_uri", nullable = false, length = 700)
    private String activityUri;
    @Column(name = "actor_uri", nullable = false, length = 700)
    private String actorUri;
    @Column(name = "activity_type", nullable = false, length = 64)
    private String activityType;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "processed_at")
    private Instant processedAt;
    @Column(name = "last_error", length = 1000)
    private String lastError;
    @Column(name = "pruned_at")
    private Instant prunedAt;

    protected InboundActivityEntity() {
    }

    public Long getId() {
        return id;
    }

    public String getActivityUri() {
        return activityUri;
    }

    public String getActorUri() {
        return actorUri;
    }

    public String getActivityType() {
        return activityType;
    }

    public State getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getLastError() {
        return lastError;
    }

    /** When the body was removed (null while it is kept). */
    public Instant getPrunedAt() {
        return prunedAt;
    }

    public Instant getProcessedAt() {
        return processedAt;
    }

    /**
     * Records a failed attempt at {@code now}: tried again at {@code retryAt}, or given up for good when that is null
     * (then the row's age, for keeping failed rows, counts from now).
     */
    public void markFailed(String error, Instant now, Instant retryAt) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        if (retryAt == null) {
            state = State.FAILED;
            processedAt = now;
        } else {
            nextAttemptAt = retryAt;
        }
    }
}
