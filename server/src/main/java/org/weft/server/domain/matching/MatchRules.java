package org.weft.server.domain.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.weft.server.domain.proposal.CoarseLocation;
import org.weft.server.model.HelpKind;

/**
 * Whether an offer answers a request, and how well. Hard rules first (any one fails and there is no
 * match): a related concept, both open, two people (nobody's offer answers their own request),
 * overlapping windows, a kind the requester accepts, and not too far apart when both gave coordinates. Then points, so that ranking reads naturally: the concept
 * weighs most, then the place, then time, kind and quantity.
 *
 * <p>Kind rule: a request for a gift is not answered by a loan (the requester would have to give the
 * thing back, which they did not ask for); a request to borrow is answered by a loan or a gift; a
 * request for time is answered by any kind of offer, since free text often names no kind at all.
 */
public final class MatchRules {
    /** Beyond this, with coordinates on both sides, nobody will walk over for a pram. */
    static final double MAX_KM = 50;
    static final double NEAR_KM = 5;
    static final Duration WEEK = Duration.ofDays(7);

    static final int SAME_CONCEPT = 60;
    static final int NARROWER_OFFER = 48;
    static final int BROADER_OFFER = 36;
    /**
     * A related concept earns a single point: everything else a match can earn (place, time, kind, quantity: at most
     * 38) then never lifts it to the least a same, broader or narrower concept scores (36 + 4 for overlapping times), so
     * related help always ranks below those and shows only where there is room.
     */
    static final int RELATED_CONCEPT = 1;
    static final int SAME_AREA = 20;
    static final int NEARBY_AREA = 14;
    static final int SAME_TOP_AREA = 8;
    static final int NEAR_COORDINATES = 16;
    static final int OPEN_THIS_WEEK = 8;
    static final int OVERLAP = 4;
    static final int SAME_KIND = 6;
    static final int KIND_FITS = 3;
    static final int ENOUGH = 4;
    static final int PARTLY_ENOUGH = 1;

    private final ConceptRelations concepts;

    MatchRules(ConceptRelations concepts) {
        this.concepts = concepts;
    }

    /** The match of this request and this offer at {@code now}, if the offer answers it. */
    public Optional<ScoredMatch> score(ProposalSnapshot request, ProposalSnapshot offer, Instant now) {
        if (!request.matchableAt(now) || !offer.matchableAt(now) || request.sameAuthor(offer)
                || kindRefused(request.kind(), offer.kind())) {
            return Optional.empty();
        }
        Instant start = later(request.publishedAt(), offer.publishedAt());
        Instant end = earlier(request.endsAt(), offer.endsAt());
        if (!start.isBefore(end)) {
            return Optional.empty();
        }
        Double km = request.hasCoordinates() && offer.hasCoordinates()
                ? new CoarseLocation(request.latitude(), request.longitude())
                        .distanceKm(new CoarseLocation(offer.latitude(), offer.longitude()))
                : null;
        if (km != null && km > MAX_KM) {
            return Optional.empty();
        }
        List<Reason> reasons = new ArrayList<>(5);
        int score = concept(request, offer, reasons);
        if (score == 0) {
            return Optional.empty();
        }
        score += place(request.areaCode(), offer.areaCode(), km, reasons);
        score += time(start, end, now, reasons);
        score += kind(request.kind(), offer.kind(), reasons);
        score += quantity(request, offer, reasons);
        return Optional.of(new ScoredMatch(request.id(), offer.id(), score, reasons));
    }

    static boolean kindRefused(HelpKind requested, HelpKind offered) {
        return requested == HelpKind.GIFT && offered == HelpKind.LOAN;
    }

    /** The best-fitting pair of categories. */
    private int concept(ProposalSnapshot request, ProposalSnapshot offer, List<Reason> reasons) {
        int best = 0;
        Reason why = null;
        for (String wanted : request.categories()) {
            for (String given : offer.categories()) {
                ConceptRelations.Relation relation = concepts.relation(wanted, given);
                if (relation == null) {
                    continue;
                }
                int points = points(relation);
                if (points > best) {
                    best = points;
                    why = new Reason(switch (relation) {
                        case SAME -> ReasonCode.SAME_CATEGORY;
                        case NARROWER_OFFER -> ReasonCode.NARROWER_OFFER;
                        case BROADER_OFFER -> ReasonCode.BROADER_OFFER;
                        case RELATED -> ReasonCode.RELATED_CATEGORY;
                    }, conceptId(given));
                }
            }
        }
        if (why != null) {
            reasons.add(why);
        }
        return best;
    }

    /** The concept points for an offered concept that stands in {@code relation} to the requested one (0 for none). */
    static int points(ConceptRelations.Relation relation) {
        if (relation == null) {
            return 0;
        }
        return switch (relation) {
            case SAME -> SAME_CONCEPT;
            case NARROWER_OFFER -> NARROWER_OFFER;
            case BROADER_OFFER -> BROADER_OFFER;
            case RELATED -> RELATED_CONCEPT;
        };
    }

    private static int place(String requestArea, String offerArea, Double km, List<Reason> reasons) {
        int byArea = 0;
        Reason areaReason = null;
        if (requestArea != null && offerArea != null) {
            if (requestArea.equals(offerArea)) {
                byArea = SAME_AREA;
                areaReason = Reason.of(ReasonCode.SAME_AREA);
            } else if (requestArea.startsWith(offerArea + "/") || offerArea.startsWith(requestArea + "/")) {
                byArea = NEARBY_AREA;
                areaReason = Reason.of(ReasonCode.NEARBY_AREA);
            } else if (topArea(requestArea).equals(topArea(offerArea))) {
                byArea = SAME_TOP_AREA;
                areaReason = Reason.of(ReasonCode.SAME_TOP_AREA);
            }
        }
        int byDistance = 0;
        if (km != null && km <= NEAR_KM) {
            byDistance = NEAR_COORDINATES - (int) Math.round(km);
        }
        if (byDistance > byArea) {
            reasons.add(new Reason(ReasonCode.WITHIN_KM, String.valueOf(Math.max(1, Math.round(km)))));
            return byDistance;
        }
        if (areaReason != null) {
            reasons.add(areaReason);
        }
        return byArea;
    }

    private static int time(Instant start, Instant end, Instant now, List<Reason> reasons) {
        if (!start.isAfter(now) && !end.isBefore(now.plus(WEEK))) {
            reasons.add(Reason.of(ReasonCode.BOTH_OPEN_THIS_WEEK));
            return OPEN_THIS_WEEK;
        }
        reasons.add(Reason.of(ReasonCode.TIMES_OVERLAP));
        return OVERLAP;
    }

    private static int kind(HelpKind requested, HelpKind offered, List<Reason> reasons) {
        int points = kindPoints(requested, offered);
        if (points == SAME_KIND) {
            reasons.add(new Reason(ReasonCode.SAME_KIND, offered.name().toLowerCase(Locale.ROOT)));
        } else if (points == KIND_FITS) {
            reasons.add(new Reason(ReasonCode.KIND_FITS, "gift"));
        }
        return points;
    }

    static int kindPoints(HelpKind requested, HelpKind offered) {
        if (requested == offered) {
            return SAME_KIND;
        }
        return requested == HelpKind.LOAN && offered == HelpKind.GIFT ? KIND_FITS : 0;
    }

    private static int quantity(ProposalSnapshot request, ProposalSnapshot offer, List<Reason> reasons) {
        int points = quantityPoints(request, offer);
        if (points == ENOUGH) {
            reasons.add(Reason.of(ReasonCode.ENOUGH_QUANTITY));
        } else if (points == PARTLY_ENOUGH) {
            reasons.add(Reason.of(ReasonCode.PARTLY_ENOUGH_QUANTITY));
        }
        return points;
    }

    static int quantityPoints(ProposalSnapshot request, ProposalSnapshot offer) {
        if (request.quantity() == null || offer.quantity() == null || request.unit() == null
                || !request.unit().equals(offer.unit())) {
            return 0;
        }
        return offer.quantity().compareTo(request.quantity()) >= 0 ? ENOUGH : PARTLY_ENOUGH;
    }

    static String topArea(String code) {
        int slash = code.indexOf('/');
        return slash < 0 ? code : code.substring(0, slash);
    }

    private static String conceptId(String uri) {
        int hash = uri.lastIndexOf('#');
        return hash < 0 ? uri : uri.substring(hash + 1);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
