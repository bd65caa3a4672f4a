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
import org.weft.server.model.ActorKind;

/** An actor this instance knows: its own members, groups and instance actor, and remote actors. */
@Entity
@Table(name = "actor")
public class ActorEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 700)
    private String uri;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActorKind kind;
    @Column(name = "is_local", nullable = false)
    private boolean local;
    @Column(nullable = false, length = 190)
    private String username;
    @Column(nullable = false, length = 255)
    private String domain;
    @Column(name = "display_name", nullable = false, length = 500)
    private String displayName;
    @Column(length = 1_000_000, columnDefinition = "MEDIUMTEXT")
    private String summary;
    @Column(nullable = false, length = 700)
    private String inbox;
    @Column(name = "shared_inbox", length = 700)
    private String sharedInbox;
    @Column(name = "profile_url", length = 700)
    private String profileUrl;
    @Column(name = "key_id", nullable = false, length = 700)
    private String keyId;
    @Column(name = "public_key_pem", nullable = false, length = 4000)
    private String publicKeyPem;
    @Column(name = "manually_approves", nullable = false)
    private boolean manuallyApproves;
    /** A community's choice: every post from another server waits for a moderator, however sure its reading. */
    @Column(name = "reviews_free_text", nullable = false)
    private boolean reviewsFreeText;
    @Column(nullable = false)
    private boolean discoverable;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "fetched_at")
    private Instant fetchedAt;
    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected ActorEntity() {
    }

    public ActorEntity(String uri, ActorKind kind, boolean local, String username, String domain, Instant createdAt) {
        this.uri = uri;
        this.kind = kind;
        this.local = local;
        this.username = username;
        this.domain = domain;
        this.displayName = username;
        this.createdAt = createdAt;
        this.discoverable = true;
    }

    public Long getId() {
        return id;
    }

    public String getUri() {
        return uri;
    }

    public ActorKind getKind() {
        return kind;
    }

    public void setKind(ActorKind kind) {
        this.kind = kind;
    }

    public boolean isLocal() {
        return local;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDomain() {
        return domain;
    }

    /** {@code @name@server}, as people write an account, or its address when its server gave it no name. */
    public String handle() {
        return username == null || username.isEmpty() || domain == null ? uri : "@" + username + "@" + domain;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getInbox() {
        return inbox;
    }

    public void setInbox(String inbox) {
        this.inbox = inbox;
    }

    public String getSharedInbox() {
        return sharedInbox;
    }

    public void setSharedInbox(String sharedInbox) {
        this.sharedInbox = sharedInbox;
    }

    public String getProfileUrl() {
        return profileUrl;
    }

    public void setProfileUrl(String profileUrl) {
        this.profileUrl = profileUrl;
    }

    public String getKeyId() {
        return keyId;
    }

    public String getPublicKeyPem() {
        return publicKeyPem;
    }

    public void setKey(String keyId, String publicKeyPem) {
        this.keyId = keyId;
        this.publicKeyPem = publicKeyPem;
    }

    public boolean isManuallyApproves() {
        return manuallyApproves;
    }

    public void setManuallyApproves(boolean manuallyApproves) {
        this.manuallyApproves = manuallyApproves;
    }

    public boolean isReviewsFreeText() {
        return reviewsFreeText;
    }

    public void setReviewsFreeText(boolean reviewsFreeText) {
        this.reviewsFreeText = reviewsFreeText;
    }

    public boolean isDiscoverable() {
        return discoverable;
    }

    public void setDiscoverable(boolean discoverable) {
        this.discoverable = discoverable;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFetchedAt() {
        return fetchedAt;
    }

    public void setFetchedAt(Instant fetchedAt) {
        this.fetchedAt = fetchedAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public void setDeletedAt(Instant deletedAt) {
        this.deletedAt = deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
