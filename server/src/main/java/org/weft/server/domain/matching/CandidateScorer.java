package org.weft.server.domain.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.weft.server.domain.proposal.CoarseLocation;
import org.weft.server.model.Purpose;

/**
 * The points {@link MatchRules#score} would give each candidate against one proposal, worked out without
 * building reasons, optionals or records, so that tens of thousands of candidates cost no allocation each.
 * Everything that depends only on the proposal (the concepts that answer it and their points, its area's
 * top level, the week ahead) is worked out once, here. It must agree with {@code MatchRules} point for
 * point; {@code CandidateScorerTest} checks that it does.
 */
final class CandidateScorer {
    /** Returned for a candidate that does not fit at all. */
    static final int NO_FIT = -1;

    private final ProposalSnapshot subject;
    private final boolean subjectIsRequest;
    private final Instant now;
    private final Instant weekAhead;
    /** Concept of a candidate → the best concept points it can earn against the subject. */
    private final Map<String, Integer> conceptPoints = new HashMap<>();
    /** The concepts whose postings hold every possible candidate, each once, the best-scoring concepts first. */
    private final List<String> candidateConcepts;
    /** The most points anything but the concept can add against this subject (place, time, kind, quantity). */
    private final int mostBesidesConcept;
    /** As above, for a candidate in another area than the subject's (it can be nearby, or close by coordinates). */
    private final int mostBesidesConceptElsewhere;
    private final String area;
    private final int areaTopLength;
    private final CoarseLocation location;

    CandidateScorer(ProposalSnapshot subject, Instant now, ConceptRelations concepts) {
        this.subject = subject;
        this.subjectIsRequest = subject.purpose() == Purpose.REQUEST;
        this.now = now;
        this.weekAhead = now.plus(MatchRules.WEEK);
        Set<String> related = new LinkedHashSet<>();
        for (String own : subject.categories()) {
            for (String other : concepts.related(own)) {
                related.add(other);
                int points = subjectIsRequest ? MatchRules.points(concepts.relation(own, other))
                        : MatchRules.points(concepts.relation(other, own));
                conceptPoints.merge(other, points, Math::max);
            }
        }
        this.candidateConcepts = new ArrayList<>(related);
        candidateConcepts.sort(Comparator.comparingInt((String c) -> conceptPoints.get(c)).reversed());
        this.area = subject.areaCode();
        this.areaTopLength = area == null ? 0 : MatchRules.topArea(area).length();
        this.location = subject.hasCoordinates() ? new CoarseLocation(subject.latitude(), subject.longitude()) : null;
        int place = area != null ? MatchRules.SAME_AREA : location != null ? MatchRules.NEAR_COORDINATES : 0;
        int time = subject.publishedAt().isAfter(now) || subject.endsAt().isBefore(weekAhead)
                ? MatchRules.OVERLAP : MatchRules.OPEN_THIS_WEEK;
        int quantity = subject.quantity() != null && subject.unit() != null ? MatchRules.ENOUGH : 0;
        this.mostBesidesConcept = place + time + MatchRules.SAME_KIND + quantity;
        int placeElsewhere = Math.max(area != null ? MatchRules.NEARBY_AREA : 0,
                location != null ? MatchRules.NEAR_COORDINATES : 0);
        this.mostBesidesConceptElsewhere = placeElsewhere + time + MatchRules.SAME_KIND + quantity;
    }

    /** The subject's area code (may be null): candidates posted under it are visited first. */
    String area() {
        return area;
    }

    /**
     * The most points any candidate posted under {@code concept} can score. Postings are visited best concept
     * first, so once this falls below the worst of a full top list, that posting and every later one can be
     * skipped: a candidate there that also has a better concept was already seen in that concept's posting.
     */
    int mostFor(String concept) {
        return conceptPoints.get(concept) + mostBesidesConcept;
    }

    /** The most points a candidate posted under {@code concept} in another area than the subject's can score. */
    int mostElsewhereFor(String concept) {
        return conceptPoints.get(concept) + mostBesidesConceptElsewhere;
    }

    /** Whether the subject can match anything at all at {@code now}. */
    boolean subjectMatchable() {
        return subject.matchableAt(now);
    }

    List<String> candidateConcepts() {
        return candidateConcepts;
    }

    /** The candidate's total points, or {@link #NO_FIT}; the same number {@code MatchRules.score} gives. */
    int score(ProposalSnapshot candidate) {
        ProposalSnapshot request = subjectIsRequest ? subject : candidate;
        ProposalSnapshot offer = subjectIsRequest ? candidate : subject;
        if (!candidate.matchableAt(now) || subject.sameAuthor(candidate)
                || MatchRules.kindRefused(request.kind(), offer.kind())) {
            return NO_FIT;
        }
        Instant start = later(subject.publishedAt(), candidate.publishedAt());
        Instant end = earlier(subject.endsAt(), candidate.endsAt());
        if (!start.isBefore(end)) {
            return NO_FIT;
        }
        double km = -1;
        if (location != null && candidate.hasCoordinates()) {
            km = location.distanceKm(new CoarseLocation(candidate.latitude(), candidate.longitude()));
            if (km > MatchRules.MAX_KM) {
                return NO_FIT;
            }
        }
        int concept = concept(candidate);
        if (concept == 0) {
            return NO_FIT;
        }
        int time = !start.isAfter(now) && !end.isBefore(weekAhead) ? MatchRules.OPEN_THIS_WEEK : MatchRules.OVERLAP;
        return concept + place(candidate.areaCode(), km) + time + MatchRules.kindPoints(request.kind(), offer.kind())
                + MatchRules.quantityPoints(request, offer);
    }

    private int concept(ProposalSnapshot candidate) {
        int best = 0;
        List<String> categories = candidate.categories();
        for (int i = 0; i < categories.size(); i++) {
            Integer points = conceptPoints.get(categories.get(i));
            if (points != null && points > best) {
                best = points;
            }
        }
        return best;
    }

    /** As {@code MatchRules.place}, without building the area strings it compares. */
    private int place(String other, double km) {
        int byArea = 0;
        if (area != null && other != null) {
            if (area.equals(other)) {
                byArea = MatchRules.SAME_AREA;
            } else if (isInside(area, other) || isInside(other, area)) {
                byArea = MatchRules.NEARBY_AREA;
            } else if (sameTop(other)) {
                byArea = MatchRules.SAME_TOP_AREA;
            }
        }
        int byDistance = km >= 0 && km <= MatchRules.NEAR_KM ? MatchRules.NEAR_COORDINATES - (int) Math.round(km) : 0;
        return Math.max(byArea, byDistance);
    }

    /** {@code inner.startsWith(outer + "/")}. */
    private static boolean isInside(String inner, String outer) {
        return inner.length() > outer.length() && inner.charAt(outer.length()) == '/' && inner.startsWith(outer);
    }

    /** {@code topArea(area).equals(topArea(other))}. */
    private boolean sameTop(String other) {
        int slash = other.indexOf('/');
        int otherTopLength = slash < 0 ? other.length() : slash;
        return otherTopLength == areaTopLength && area.regionMatches(0, other, 0, areaTopLength);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
