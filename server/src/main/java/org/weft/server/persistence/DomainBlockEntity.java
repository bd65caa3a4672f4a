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
import org.weft.server.model.DomainSeverity;

/** Another server blocked by this instance's operator (see V48). */
@Entity
@Table(name = "domain_block")
public class DomainBlockEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 255)
    private String domain;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DomainSeverity severity;
    @Column(name = "reject_reports", nullable = false)
    private boolean rejectReports;
    @Column(name = "public_comment", length = 1000)
    private String publicComment;
    @Column(nullable = false)
    private boolean obfuscate;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DomainBlockEntity() {
    }

    public DomainBlockEntity(String domain, Instant createdAt) {
        this.domain = domain;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Sets what the block does; {@code publicComment} is cut to 1000 characters. */
    public void set(DomainSeverity severity, boolean rejectReports, String publicComment, boolean obfuscate, Instant now) {
        this.severity = severity;
        this.rejectReports = rejectReports;
        this.publicComment = publicComment == null || publicComment.isBlank() ? null
                : publicComment.strip().substring(0, Math.min(1000, publicComment.strip().length()));
        this.obfuscate = obfuscate;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getDomain() {
        return domain;
    }

    public DomainSeverity getSeverity() {
        return severity;
    }

    public boolean isRejectReports() {
        return rejectReports;
    }

    public String getPublicComment() {
        return publicComment;
    }

    public boolean isObfuscate() {
        return obfuscate;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
