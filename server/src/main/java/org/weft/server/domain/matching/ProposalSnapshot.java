package org.weft.server.domain.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.weft.server.model.HelpKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;

/**
 * What the matcher needs of a proposal, copied out of the entity so the index holds no Hibernate
 * objects. {@code open} is false for anything that must not match: not open, deleted, or held for a
 * moderator.
 */
public record ProposalSnapshot(long id, boolean local, Purpose purpose, HelpKind kind, List<String> categories,
                               String areaCode, Double latitude, Double longitude, Instant publishedAt,
                               Instant endsAt, BigDecimal quantity, String unit, boolean open) {

    public ProposalSnapshot {
        categories = List.copyOf(categories);
    }

    public static ProposalSnapshot of(ProposalEntity p) {
        return of(p, true);
    }

    /** {@code mayMatch} false (its server is blocked) keeps it out of matching whatever its state. */
    public static ProposalSnapshot of(ProposalEntity p, boolean mayMatch) {
        boolean open = mayMatch && p.getStatus() == ProposalStatus.OPEN && !p.isDeleted()
                && p.getModeration() == ProposalEntity.Moderation.VISIBLE;
        return new ProposalSnapshot(p.getId(), p.isLocal(), p.getPurpose(), p.getKind(), p.getCategories(),
                p.getAreaCode(), p.getLatitude(), p.getLongitude(), p.getPublishedAt(), p.getEndsAt(),
                p.getQuantity(), p.getUnit(), open);
    }

    /** Open and not yet past its end: the only proposals that may match. */
    public boolean matchableAt(Instant now) {
        return open && endsAt.isAfter(now);
    }

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }
}
