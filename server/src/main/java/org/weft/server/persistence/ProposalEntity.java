package org.weft.server.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.SortNatural;
import org.weft.server.model.Audience;
import org.weft.server.model.HelpKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;

/**
 * An offer or a request. Local ones are written by a member (the author) and may be attributed to
 * the community on the wire; remote ones mirror what their server said, updated only by their owner.
 */
@Entity
@Table(name = "proposal")
// Only changed columns are written: an owner's Update and Delete of the same proposal may be processed at
// the same time, and writing every column would let the Update put back the deletion it never saw.
@DynamicUpdate
public class ProposalEntity {
    /** Where the proposal came from. */
    public enum Source { LOCAL, WEFT, NOTE }

    /**
     * Whether it shows on the board (and may match), or waits for a moderator: posts from people who do not follow
     * the community, proposals from actors nobody here follows, and posts past one account's hourly board limit.
     */
    public enum Moderation { VISIBLE, PENDING, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 700)
    private String uri;
    @Column(name = "is_local", nullable = false)
    private boolean local;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    private ActorEntity author;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "attributed_to_id")
    private ActorEntity attributedTo;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id")
    private ActorEntity group;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Purpose purpose;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private HelpKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private ProposalStatus status;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Audience audience;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Source source;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Moderation moderation;
    @Column(nullable = false, length = 300)
    private String title;
    @Column(nullable = false, length = 1_000_000, columnDefinition = "MEDIUMTEXT")
    private String description;
    @Column(nullable = false, length = 16)
    private String language;
    @Column(length = 1_000_000, columnDefinition = "MEDIUMTEXT")
    private String translations;
    @Column(precision = 15, scale = 3)
    private BigDecimal quantity;
    @Column(length = 32)
    private String unit;
    @Column(name = "area_code", length = 190)
    private String areaCode;
    @Column(name = "area_name", length = 300)
    private String areaName;
    private Double latitude;
    private Double longitude;
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;
    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "deleted_at")
    private Instant deletedAt;
    /** A copy from another server no longer held because the link that brought it ended (null: held). */
    @Column(name = "detached_at")
    private Instant detachedAt;
    /** When the copy's own server last told us of it (remote proposals only). */
    /** When it was first promised, and when fulfilled (V61): the overview's median times, null before. */
    @Column(name = "promised_at")
    private Instant promisedAt;
    @Column(name = "fulfilled_at")
    private Instant fulfilledAt;
    @Column(name = "heard_at")
    private Instant heardAt;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "moderated_at")
    private Instant moderatedAt;
    /**
     * Its words as a board search looks for them (V54), analysed when it was written; see {@code SearchTerms}. Sorted,
     * so that a proposal's terms are inserted in the order of the table's (proposal, term) key: InnoDB then appends
     * them to the last page and fills it, where inserts in a hash set's order split pages in the middle and left the
     * rows' pages about 40 % empty (G15 soak, 2026-12-05: 72 of 114 bytes a term were rows; in key order, 38).
     */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "proposal_term", joinColumns = @JoinColumn(name = "proposal_id"))
    @Column(name = "term", length = 64, nullable = false)
    @SortNatural
    private SortedSet<String> searchTerms = new TreeSet<>();
    /** The analysis version its terms were stored under; null when they never were (rows older than V54). */
    @Column(name = "terms_version")
    private Integer termsVersion;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "proposal_category", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderColumn(name = "position")
    @Column(name = "concept_uri", length = 190, nullable = false)
    private List<String> categories = new ArrayList<>();
    /**
     * Its top-level categories as the needs overview counts them (V80), kept beside the categories so the overview
     * counts them from an index; null until the next count fills it in ({@link OverviewCounts#fillTopCategories}).
     */
    @Column(name = "top_categories", length = 255)
    private String topCategories;
    /**
     * The classifier's two best readings of a post it was unsure of (V85), as JSON, while the post waits for a moderator;
     * null for every other proposal and once a moderator has decided.
     */
    @Column(name = "readings", length = 1000)
    private String readings;

    protected ProposalEntity() {
    }

    public ProposalEntity(String uri, boolean local, ActorEntity author, ActorEntity attributedTo, ActorEntity group,
                          Purpose purpose, Source source, Instant publishedAt) {
        this.uri = uri;
        this.local = local;
        this.author = author;
        this.attributedTo = attributedTo;
        this.group = group;
        this.purpose = purpose;
        this.source = source;
        this.publishedAt = publishedAt;
        this.status = ProposalStatus.OPEN;
        this.moderation = Moderation.VISIBLE;
        this.kind = HelpKind.GIFT;
        this.audience = Audience.PUBLIC;
    }

    public Long getId() {
        return id;
    }

    public String getUri() {
        return uri;
    }

    public boolean isLocal() {
        return local;
    }

    public ActorEntity getAuthor() {
        return author;
    }

    public ActorEntity getAttributedTo() {
        return attributedTo;
    }

    public void setAttributedTo(ActorEntity attributedTo) {
        this.attributedTo = attributedTo;
    }

    public ActorEntity getGroup() {
        return group;
    }

    public void setGroup(ActorEntity group) {
        this.group = group;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public void setPurpose(Purpose purpose) {
        this.purpose = purpose;
    }

    public HelpKind getKind() {
        return kind;
    }

    public void setKind(HelpKind kind) {
        this.kind = kind;
    }

    public ProposalStatus getStatus() {
        return status;
    }

    /**
     * Also notes, once, when it was first promised and when it was fulfilled (the overview's medians): the time of
     * the change as this server saw it, whoever made it.
     */
    public void setStatus(ProposalStatus status) {
        setStatus(status, Instant.now());
    }

    /** As {@link #setStatus(ProposalStatus)}, the change made at {@code at} (the service's clock). */
    public void setStatus(ProposalStatus status, Instant at) {
        if (status != this.status) {
            if (status == ProposalStatus.PROMISED && promisedAt == null) {
                promisedAt = at;
            } else if (status == ProposalStatus.FULFILLED && fulfilledAt == null) {
                fulfilledAt = at;
            }
        }
        this.status = status;
    }

    public Instant getPromisedAt() {
        return promisedAt;
    }

    public Instant getFulfilledAt() {
        return fulfilledAt;
    }

    public Audience getAudience() {
        return audience;
    }

    public void setAudience(Audience audience) {
        this.audience = audience;
    }

    public Source getSource() {
        return source;
    }

    public Moderation getModeration() {
        return moderation;
    }

    public void setModeration(Moderation moderation) {
        this.moderation = moderation;
    }

    /**
     * Whether a moderator holds it back from everyone else: waiting for review, or hidden (turned down, or hidden after
     * a report). Such a post is on no board, matches nothing, and its address answers as if it were not there.
     */
    public boolean isHeldByModerator() {
        return moderation != Moderation.VISIBLE;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getTranslations() {
        return translations;
    }

    public void setTranslations(String translations) {
        this.translations = translations;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public String getUnit() {
        return unit;
    }

    public void setQuantity(BigDecimal quantity, String unit) {
        this.quantity = quantity;
        this.unit = unit;
    }

    public String getAreaCode() {
        return areaCode;
    }

    public String getAreaName() {
        return areaName;
    }

    public void setArea(String areaCode, String areaName) {
        this.areaCode = areaCode;
        this.areaName = areaName;
    }

    public Double getLatitude() {
        return latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setCoordinates(Double latitude, Double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(Instant endsAt) {
        this.endsAt = endsAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
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

    public Instant getDetachedAt() {
        return detachedAt;
    }

    /** Stops (a time) or resumes (null) holding a copy from another server. */
    public void setDetachedAt(Instant detachedAt) {
        this.detachedAt = detachedAt;
    }

    public boolean isDetached() {
        return detachedAt != null;
    }

    public Instant getHeardAt() {
        return heardAt;
    }

    public void setHeardAt(Instant heardAt) {
        this.heardAt = heardAt;
    }

    /** When this server received a remote proposal (null for local ones): what board limits count by. */
    public Instant getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
    }

    /** When a moderator last decided on it (null if none ever had to). */
    public Instant getModeratedAt() {
        return moderatedAt;
    }

    /** A moderator's decision, at {@code when}: the readings offered for it are no longer needed. */
    public void moderate(Moderation decision, Instant when) {
        this.moderation = decision;
        this.moderatedAt = when;
        this.readings = null;
    }

    /** The classifier's readings for a moderator, as JSON, or null. */
    public String getReadings() {
        return readings;
    }

    public void setReadings(String readings) {
        this.readings = readings;
    }

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(List<String> conceptUris) {
        if (!categories.equals(conceptUris)) {
            topCategories = null; // counted afresh by the next overview
        }
        categories.clear();
        categories.addAll(conceptUris);
    }

    /** Stores its words for the board search, analysed under {@code version}. */
    public void setSearchTerms(Set<String> terms, int version) {
        searchTerms.clear();
        searchTerms.addAll(terms);
        termsVersion = version;
    }

    public Integer getTermsVersion() {
        return termsVersion;
    }
}
