package org.weft.server.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A form submitted once, by its one-time token; {@code outcome} is where its answer sent the person (null while
 * the first submit is still being handled).
 */
@Entity
@Table(name = "form_submission")
public class FormSubmissionEntity {
    @Id
    @Column(length = 64)
    private String token;
    @Column(name = "member_id")
    private Long memberId;
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;
    @Column(length = 600)
    private String outcome;

    protected FormSubmissionEntity() {
    }

    public FormSubmissionEntity(String token, Long memberId, Instant submittedAt) {
        this.token = token;
        this.memberId = memberId;
        this.submittedAt = submittedAt;
    }

    public String getToken() {
        return token;
    }

    public Long getMemberId() {
        return memberId;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
