package org.weft.server.persistence;

import java.time.Instant;

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

/** Someone's answer to a proposal, threaded under it and shown to its author. */
@Entity
@Table(name = "response")
public class ResponseEntity {
    /** How the answer arrived. */
    public enum Kind { REPLY, DIRECT, AGREEMENT }

    /** What the proposal's author decided. */
    public enum State { NEW, ACCEPTED, DECLINED }

    /** The longest id kept ({@code uri}, {@code agreement_uri}). */
    public static final int MAX_URI_LENGTH = 700;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = MAX_URI_LENGTH)
    private String uri;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id")
    private ProposalEntity proposal;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "responder_id")
    private ActorEntity responder;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private State state;
    @Column(name = "is_public", nullable = false)
    private boolean publicResponse;
    @Column(nullable = false, length = 1_000_000, columnDefinition = "MEDIUMTEXT")
    private String content;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "decided_at")
    private Instant decidedAt;
    /** The {@code updated} of the last edit its sender made (null: never edited). */
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** When a moderator hid it (or its server was suspended): then it is shown to nobody. */
    @Column(name = "hidden_at")
    private Instant hiddenAt;
    @Column(name = "agreement_uri", length = MAX_URI_LENGTH)
    private String agreementUri;
    /** When its sender took it back: then no list shows it, and its conversation is closed. */
    @Column(name = "taken_back_at")
    private Instant takenBackAt;

    protected ResponseEntity() {
    }

    public ResponseEntity(String uri, ProposalEntity proposal, ActorEntity responder, Kind kind, boolean publicResponse,
                          String content, Instant createdAt) {
        this.uri = uri;
        this.proposal = proposal;
        this.responder = responder;
        this.kind = kind;
        this.publicResponse = publicResponse;
        this.content = content;
        this.createdAt = createdAt;
        this.state = State.NEW;
    }

    public Long getId() {
        return id;
    }

    public Instant getHiddenAt() {
        return hiddenAt;
    }

    public boolean isHidden() {
        return hiddenAt != null;
    }

    public void hide(Instant when) {
        this.hiddenAt = when;
    }

    public String getUri() {
        return uri;
    }

    public ProposalEntity getProposal() {
        return proposal;
    }

    public ActorEntity getResponder() {
        return responder;
    }

    public Kind getKind() {
        return kind;
    }

    public State getState() {
        return state;
    }

    public boolean isPublicResponse() {
        return publicResponse;
    }

    public String getContent() {
        return content;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Its sender edited it: the new (sanitised) text, and the edit's own time. */
    public void edit(String newContent, Instant editedAt) {
        this.content = newContent;
        this.updatedAt = editedAt;
    }

    /**
     * The FEP-0837 Agreement this response offers ({@link Kind#AGREEMENT}), whose id the proposer's Accept names as its
     * result; null for other kinds, and for agreements received before it was kept here whose Offer was gone.
     */
    public String getAgreementUri() {
        return agreementUri;
    }

    public void setAgreementUri(String agreementUri) {
        this.agreementUri = agreementUri;
    }

    public boolean isTakenBack() {
        return takenBackAt != null;
    }

    public Instant getTakenBackAt() {
        return takenBackAt;
    }

    /** Its sender took it back; the decision stays as it was made (what was promised is said to be off). */
    public void takeBack(Instant when) {
        this.takenBackAt = when;
    }

    public void decide(State decision, Instant when) {
        this.state = decision;
        this.decidedAt = when;
    }
}
