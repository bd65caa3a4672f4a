package org.weft.server.domain.overview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.hibernate.Session;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.ActorKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.AreaEntity;
import org.weft.server.persistence.AreaRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.OverviewCounts;
import org.weft.server.persistence.OverviewCounts.Count;
import org.weft.server.persistence.OverviewCounts.Scope;

/**
 * The needs overview (issue 18): reads the counts in one transaction (each grouped in the database) and shapes them
 * for showing, hidden where small ({@link SmallCounts}). Community-only proposals count only when a member asks.
 */
public final class NeedsOverview {
    static final int WEEKS = 4;
    /** "Far outnumber": at least this many times the offers, and at least the threshold more. */
    static final int MOST_NEEDED_RATIO = 2;
    static final int MOST_NEEDED_SHOWN = 5;

    private final Database db;
    private final Taxonomy taxonomy;
    private final Clock clock;
    private final SmallCounts small;

    public NeedsOverview(Database db, Taxonomy taxonomy, Clock clock, int threshold) {
        this.db = db;
        this.taxonomy = taxonomy;
        this.clock = clock;
        this.small = new SmallCounts(threshold);
    }

    /** A community's overview ({@code linked}: with the communities it links to); empty when there is none here. */
    public Optional<Overview> community(String name, boolean member, boolean linked) {
        return db.inTransaction(s -> {
            Optional<ActorEntity> group = ActorRepository.local(s, ActorKind.GROUP, name.toLowerCase());
            if (group.isEmpty()) {
                return Optional.empty();
            }
            List<Long> ids = new ArrayList<>();
            ids.add(group.get().getId());
            if (linked) {
                ids.addAll(FollowRepository.linkedRemoteIds(s, group.get().getId()));
            }
            return Optional.of(count(s, linked ? Overview.Scope.LINKED : Overview.Scope.COMMUNITY,
                    group.get().getUsername(), group.get().getDisplayName(), new Scope(ids, member)));
        });
    }

    /** The whole instance: every community hosted here, without the copies held from linked ones. */
    public Overview instance(boolean member) {
        return db.inTransaction(s -> count(s, Overview.Scope.INSTANCE, null, null,
                new Scope(ActorRepository.localGroups(s).stream().map(ActorEntity::getId).toList(), member)));
    }

    /**
     * The rule for "most needed", written in docs/open-data.md: at least the threshold of open requests, at least
     * {@value #MOST_NEEDED_RATIO} times as many as open offers, and at least the threshold more than them.
     */
    boolean isMostNeeded(long requests, long offers) {
        return requests >= small.threshold() && requests >= MOST_NEEDED_RATIO * offers
                && requests - offers >= small.threshold();
    }

    private Overview count(Session s, Overview.Scope kind, String name, String displayName, Scope scope) {
        // Whole seconds for the data's readers, rounded up so that what happened this very second is counted.
        Instant exact = clock.instant();
        Instant now = exact.truncatedTo(ChronoUnit.SECONDS);
        if (now.isBefore(exact)) {
            now = now.plusSeconds(1);
        }
        Instant from = now.minus(Duration.ofDays(7L * WEEKS));
        Set<String> areaCodes = new HashSet<>(AreaRepository.all(s).stream().map(AreaEntity::getCode).toList());

        Map<Purpose, Map<String, Long>> areas = byPurpose(OverviewCounts.openByArea(s, scope),
                code -> code != null && areaCodes.contains(code) ? code : null);
        Map<Purpose, Map<String, Long>> categories = byPurpose(OverviewCounts.openByCategory(s, scope), this::topLevelId);

        List<Row> areaRows = small.rows(keys(areas, Comparator.nullsLast(Comparator.naturalOrder())),
                areas.get(Purpose.REQUEST), areas.get(Purpose.OFFER));
        List<Row> categoryRows = small.rows(categoryKeys(categories), categories.get(Purpose.REQUEST),
                categories.get(Purpose.OFFER));
        long requests = sum(areas.get(Purpose.REQUEST));
        long offers = sum(areas.get(Purpose.OFFER));
        List<Cell> areaRequests = areaRows.stream().map(Row::requests).toList();
        List<Cell> areaOffers = areaRows.stream().map(Row::offers).toList();
        List<Cell> categoryRequests = categoryRows.stream().map(Row::requests).toList();
        List<Cell> categoryOffers = categoryRows.stream().map(Row::offers).toList();
        Breakdown byArea = new Breakdown(areaRows, small.total(requests, areaRequests, categoryRequests),
                small.total(offers, areaOffers, categoryOffers));
        // The categories' cells do not add up to the total (a proposal counts in each category it names): the total
        // shown beside them is the same as beside the areas, "at least" when either hides a cell.
        Breakdown byCategory = new Breakdown(categoryRows, byArea.requests(), byArea.offers());

        List<Week> weeks = weeks(s, scope, from);
        Outcomes outcomes = outcomes(s, scope, from, now, weeks);
        MedianTime toPromised = median(OverviewCounts.medianSeconds(s, scope, "promised_at", from, now));
        MedianTime toFulfilled = median(OverviewCounts.medianSeconds(s, scope, "fulfilled_at", from, now));
        return new Overview(kind, name, displayName, now, small.threshold(), scope.includeCommunityOnly(), byCategory,
                byArea, outcomes, weeks, toPromised, toFulfilled, mostNeeded(categories));
    }

    private List<Week> weeks(Session s, Scope scope, Instant from) {
        long[] opened = OverviewCounts.requestsByWeek(s, scope, "published_at", from, WEEKS);
        long[] met = OverviewCounts.requestsByWeek(s, scope, "fulfilled_at", from, WEEKS);
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            weeks.add(new Week(from.plus(Duration.ofDays(7L * i)), from.plus(Duration.ofDays(7L * (i + 1))),
                    small.cell(opened[i]), small.cell(met[i])));
        }
        return weeks;
    }

    /** The last four weeks' requests by outcome; its total is exact only when neither it nor the weeks hide a cell. */
    private Outcomes outcomes(Session s, Scope scope, Instant from, Instant to, List<Week> weeks) {
        Map<ProposalStatus, Long> by = new HashMap<>();
        OverviewCounts.requestOutcomes(s, scope, from, to).forEach(o -> by.merge(o.status(), o.count(), Long::sum));
        Cell met = small.cell(by.getOrDefault(ProposalStatus.FULFILLED, 0L));
        Cell promised = small.cell(by.getOrDefault(ProposalStatus.PROMISED, 0L));
        Cell unmet = small.cell(by.getOrDefault(ProposalStatus.OPEN, 0L) + by.getOrDefault(ProposalStatus.EXPIRED, 0L));
        long total = by.entrySet().stream().filter(e -> e.getKey() != ProposalStatus.WITHDRAWN)
                .mapToLong(Map.Entry::getValue).sum();
        List<Cell> weekCells = new ArrayList<>();
        weeks.forEach(w -> {
            weekCells.add(w.opened());
            weekCells.add(w.met());
        });
        return new Outcomes(met, promised, unmet, small.total(total, List.of(met, promised, unmet), weekCells));
    }

    private MedianTime median(OverviewCounts.Median m) {
        Cell requests = small.cell(m.count());
        return new MedianTime(requests, requests.hidden() ? null : m.median());
    }

    private List<MostNeeded> mostNeeded(Map<Purpose, Map<String, Long>> categories) {
        Map<String, Long> requests = categories.get(Purpose.REQUEST);
        Map<String, Long> offers = categories.get(Purpose.OFFER);
        return requests.keySet().stream().filter(k -> k != null)
                .filter(k -> isMostNeeded(requests.get(k), offers.getOrDefault(k, 0L)))
                .sorted(Comparator.<String>comparingLong(k -> offers.getOrDefault(k, 0L) - requests.get(k))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(MOST_NEEDED_SHOWN)
                .map(k -> new MostNeeded(k, small.cell(requests.get(k)), small.cell(offers.getOrDefault(k, 0L))))
                .toList();
    }

    /** The top-level concept a category URI falls under, by id; null for a URI this taxonomy does not have. */
    private String topLevelId(String uri) {
        Optional<Concept> concept = uri == null ? Optional.empty() : taxonomy.byUri(uri);
        if (concept.isEmpty()) {
            return null;
        }
        List<Concept> ancestors = taxonomy.ancestors(concept.get());
        return (ancestors.isEmpty() ? concept.get() : ancestors.getLast()).id();
    }

    /** Counts by purpose, then by the key {@code keyOf} makes of each row's (rows mapping to one key are summed). */
    private static Map<Purpose, Map<String, Long>> byPurpose(List<Count> counts,
                                                            Function<String, String> keyOf) {
        Map<Purpose, Map<String, Long>> by = new HashMap<>();
        for (Purpose p : Purpose.values()) {
            by.put(p, new HashMap<>());
        }
        for (Count c : counts) {
            by.get(c.purpose()).merge(keyOf.apply(c.key()), c.count(), Long::sum);
        }
        return by;
    }

    private static List<String> keys(Map<Purpose, Map<String, Long>> by, Comparator<String> order) {
        Set<String> keys = new HashSet<>();
        by.values().forEach(m -> keys.addAll(m.keySet()));
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(order);
        return sorted;
    }

    /** The taxonomy's top-level order, those with no open proposal left out; unknown categories last. */
    private List<String> categoryKeys(Map<Purpose, Map<String, Long>> by) {
        Set<String> present = new HashSet<>();
        by.values().forEach(m -> present.addAll(m.keySet()));
        List<String> keys = new ArrayList<>();
        taxonomy.topLevel().stream().map(Concept::id).filter(present::contains).forEach(keys::add);
        if (present.contains(null)) {
            keys.add(null);
        }
        return keys;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
