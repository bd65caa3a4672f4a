package org.weft.server.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A report of an account and some of its posts, by a member or another server (see V51). */
@Entity
@Table(name = "report")
public class ReportEntity {
    public enum State { OPEN, DISMISSED, RESOLVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "community_id")
    private ActorEntity community;
    @Column(name = "reporter_id")
    private Long reporterId;
    @Column(name = "reporter_uri", length = 700)
    private String reporterUri;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private ActorEntity account;
    @Column(name = "content_uris", length = 7000)
    private String contentUris;
    @Column(length = 2000)
    private String comment;
    @Column(name = "flag_uri", length = 700)
    private String flagUri;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private State state;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "forwarded_at")
    private Instant forwardedAt;

    protected ReportEntity() {
    }

    public ReportEntity(ActorEntity community, ActorEntity account, List<String> contentUris, String comment,
                        Instant createdAt) {
        this.community = community;
        this.account = account;
        String joined = String.join("\n", contentUris);
        this.contentUris = joined.isEmpty() ? null : joined.substring(0, Math.min(7000, joined.length()));
        this.comment = fitted(comment);
        this.state = State.OPEN;
        this.createdAt = createdAt;
    }

    /** Reported by a member of this server. */
    public void byMember(long memberId) {
        this.reporterId = memberId;
    }

    /** Sent by another server as the Flag {@code flagUri} by {@code actorUri}. */
    public void byFlag(String actorUri, String flagUri) {
        this.reporterUri = actorUri;
        this.flagUri = flagUri;
    }

    /**
     * The same reporter reports the same thing again while this report is open: their new words join the earlier
     * ones (after a blank line), unless they are already there, as when the same words or the same Flag come twice.
     * What no longer fits the column is left out, so the first words stay.
     */
    public void addComment(String more) {
        String added = fitted(more);
        if (added == null || comment != null && comment.contains(added)) {
            return;
        }
        this.comment = comment == null ? added : fitted(comment + "\n\n" + added);
    }

    public void decide(State state, Instant when) {
        this.state = state;
        this.decidedAt = when;
    }

    public void forwarded(Instant when) {
        this.forwardedAt = when;
    }

    private static String fitted(String comment) {
        return comment == null || comment.isBlank() ? null
                : comment.strip().substring(0, Math.min(2000, comment.strip().length()));
    }

    public Long getId() {
        return id;
    }

    public ActorEntity getCommunity() {
        return community;
    }

    public Long getReporterId() {
        return reporterId;
    }

    public String getReporterUri() {
        return reporterUri;
    }

    public ActorEntity getAccount() {
        return account;
    }

    public List<String> getContentUris() {
        return contentUris == null ? List.of() : Arrays.asList(contentUris.split("\n"));
    }

    public String getComment() {
        return comment;
    }

    public String getFlagUri() {
        return flagUri;
    }

    public State getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getForwardedAt() {
        return forwardedAt;
    }
}
