package org.weft.server.domain.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.weft.server.model.HelpKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;

/**
 * What the matcher needs of a proposal, copied out of the entity so the index holds no Hibernate
 * objects. {@code open} is false for anything that must not match: not open, deleted, held for a
 * moderator, or a copy no longer held through a link. A copy that came through another community's
 * {@code Announce}s names that community ({@code viaCommunityId}) and its owner ({@code ownerId}): it may
 * match only while someone here follows one of them ({@link #heldBy}); both are null otherwise. {@code authorId} is who
 * wrote it (the member behind an anonymous request too; the remote account for a post from elsewhere): a person's offer
 * never answers their own request ({@link #sameAuthor}); null where nobody is known (tests).
 */
public record ProposalSnapshot(long id, boolean local, Purpose purpose, HelpKind kind, List<String> categories,
                               String areaCode, Double latitude, Double longitude, Instant publishedAt,
                               Instant endsAt, BigDecimal quantity, String unit, boolean open, Long viaCommunityId,
                               Long ownerId, Long authorId) {

    /**
     * The strings are interned: each snapshot read from a row brings its own copies of the same few concept URIs, area
     * codes and units (about 80 bytes each), and the index keeps one snapshot per open proposal. The JVM's string table
     * holds its entries weakly, so a URI no snapshot uses any more is collected.
     */
    public ProposalSnapshot {
        categories = List.copyOf(categories.stream().map(String::intern).toList());
        areaCode = areaCode == null ? null : areaCode.intern();
        unit = unit == null ? null : unit.intern();
    }

    /** A proposal that came through no link (local ones, board posts, tests). */
    public ProposalSnapshot(long id, boolean local, Purpose purpose, HelpKind kind, List<String> categories,
                            String areaCode, Double latitude, Double longitude, Instant publishedAt,
                            Instant endsAt, BigDecimal quantity, String unit, boolean open) {
        this(id, local, purpose, kind, categories, areaCode, latitude, longitude, publishedAt, endsAt, quantity, unit,
                open, null, null, null);
    }

    public static ProposalSnapshot of(ProposalEntity p) {
        return of(p, true);
    }

    /** {@code mayMatch} false (its server is blocked) keeps it out of matching whatever its state. */
    public static ProposalSnapshot of(ProposalEntity p, boolean mayMatch) {
        boolean open = mayMatch && p.getStatus() == ProposalStatus.OPEN && !p.isDeleted() && !p.isDetached()
                && p.getModeration() == ProposalEntity.Moderation.VISIBLE;
        boolean viaLink = !p.isLocal() && p.getSource() == ProposalEntity.Source.WEFT && p.getGroup() != null;
        return new ProposalSnapshot(p.getId(), p.isLocal(), p.getPurpose(), p.getKind(), p.getCategories(),
                p.getAreaCode(), p.getLatitude(), p.getLongitude(), p.getPublishedAt(), p.getEndsAt(),
                p.getQuantity(), p.getUnit(), open, viaLink ? p.getGroup().getId() : null,
                viaLink ? p.getAttributedTo().getId() : null, p.getAuthor() == null ? null : p.getAuthor().getId());
    }

    /**
     * Whether this instance holds the proposal now: it came through no link, or someone here follows the community it
     * came through or its owner ({@code followed}: the ids of the remote actors followed from here, and of the communities
     * here, under which a stranger's post a moderator approved is kept).
     */
    public boolean heldBy(Set<Long> followed) {
        return viaCommunityId == null || followed.contains(viaCommunityId) || followed.contains(ownerId);
    }

    /**
     * Whether the same person wrote both: their offer is no answer to their own request (a member who asks for a drill
     * and lends one is told nothing about herself), whatever else the two have in common.
     */
    public boolean sameAuthor(ProposalSnapshot other) {
        return authorId != null && authorId.equals(other.authorId);
    }

    /** Open and not yet past its end: the only proposals that may match. */
    public boolean matchableAt(Instant now) {
        return open && endsAt.isAfter(now);
    }

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }
}
