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

/** One activity on its way to one inbox. */
@Entity
@Table(name = "delivery")
public class DeliveryEntity {
    /** Where a delivery stands. */
    public enum State { PENDING, DELIVERED, GAVE_UP }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "activity_id", nullable = false)
    private Long activityId;
    @Column(nullable = false, length = 700)
    private String inbox;
    @Column(nullable = false, length = 255)
    private String host;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "last_status")
    private Integer lastStatus;
    @Column(name = "last_error", length = 1000)
    private String lastError;

    protected DeliveryEntity() {
    }

    public DeliveryEntity(Long activityId, String inbox, String host, Instant now) {
        this.activityId = activityId;
        this.inbox = inbox;
        this.host = host;
        this.state = State.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getActivityId() {
        return activityId;
    }

    public String getInbox() {
        return inbox;
    }

    public String getHost() {
        return host;
    }

    public State getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public String getLastError() {
        return lastError;
    }
}
