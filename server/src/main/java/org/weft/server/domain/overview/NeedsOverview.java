package org.weft.server.domain.overview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
    /** How many proposals' top-level categories are filled in per statement (V80). */
    static final int FILL_BATCH = 1_000;
    /** In {@code top_categories}, a category this taxonomy does not know (counted under no top-level: key null). */
    static final String UNKNOWN = "-";

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

        OverviewCounts.fillTopCategories(s, this::topCategories, FILL_BATCH);
        List<OverviewCounts.Open> open = OverviewCounts.open(s, scope);
        Map<Purpose, Map<String, Long>> areas = byPurpose(open, o -> Collections.singletonList(areaKey(o.areaCode(), areaCodes)));
        Map<Purpose, Map<String, Long>> categories = byPurpose(open, o -> topLevels(o.topCategories()));
        List<Row> areaRows = small.rows(keys(areas, Comparator.nullsLast(Comparator.naturalOrder())),
                areas.get(Purpose.REQUEST), areas.get(Purpose.OFFER));
        List<Row> categoryRows = small.rows(categoryKeys(categories), categories.get(Purpose.REQUEST),
                categories.get(Purpose.OFFER));
        long requests = sum(areas.get(Purpose.REQUEST));
        long offers = sum(areas.get(Purpose.OFFER));
        Breakdown byArea = new Breakdown(areaRows,
                small.total(requests, areas.get(Purpose.REQUEST).values(), categories.get(Purpose.REQUEST).values()),
                small.total(offers, areas.get(Purpose.OFFER).values(), categories.get(Purpose.OFFER).values()));
        Breakdown byCategory = new Breakdown(categoryRows, byArea.requests(), byArea.offers());

        List<OverviewCounts.Published> published = OverviewCounts.requestsPublished(s, scope, from, WEEKS);
        List<OverviewCounts.Reached> fulfilled = OverviewCounts.requestsReaching(s, scope, "fulfilled_at", from, WEEKS);
        List<Week> weeks = weeks(from, published, fulfilled);
        Outcomes outcomes = outcomes(published, fulfilled);
        MedianTime toPromised = median(OverviewCounts.requestsReaching(s, scope, "promised_at", from, WEEKS));
        MedianTime toFulfilled = median(fulfilled);
        return new Overview(kind, name, displayName, now, small.threshold(), scope.includeCommunityOnly(), byCategory,
                byArea, outcomes, weeks, toPromised, toFulfilled, mostNeeded(categories));
    }

    private List<Week> weeks(Instant from, List<OverviewCounts.Published> published,
                             List<OverviewCounts.Reached> fulfilled) {
        long[] opened = opened(published);
        long[] met = met(fulfilled);
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            weeks.add(new Week(from.plus(Duration.ofDays(7L * i)), from.plus(Duration.ofDays(7L * (i + 1))),
                    small.cell(opened[i]), small.cell(met[i])));
        }
        return weeks;
    }

    private static long[] opened(List<OverviewCounts.Published> published) {
        long[] opened = new long[WEEKS];
        published.forEach(p -> opened[p.week()] += p.count());
        return opened;
    }

    private static long[] met(List<OverviewCounts.Reached> fulfilled) {
        long[] met = new long[WEEKS];
        fulfilled.forEach(r -> met[r.week()] += r.count());
        return met;
    }

    /** The last four weeks' requests by outcome; its total is exact only when neither it nor the weeks hide a cell. */
    private Outcomes outcomes(List<OverviewCounts.Published> published, List<OverviewCounts.Reached> fulfilled) {
        Map<ProposalStatus, Long> by = new HashMap<>();
        published.forEach(p -> by.merge(p.status(), p.count(), Long::sum));
        long met = by.getOrDefault(ProposalStatus.FULFILLED, 0L);
        long promised = by.getOrDefault(ProposalStatus.PROMISED, 0L);
        long unmet = by.getOrDefault(ProposalStatus.OPEN, 0L) + by.getOrDefault(ProposalStatus.EXPIRED, 0L);
        long total = by.entrySet().stream().filter(e -> e.getKey() != ProposalStatus.WITHDRAWN)
                .mapToLong(Map.Entry::getValue).sum();
        List<Long> weekCounts = new ArrayList<>();
        for (long n : opened(published)) {
            weekCounts.add(n);
        }
        for (long n : met(fulfilled)) {
            weekCounts.add(n);
        }
        return new Outcomes(small.cell(met), small.cell(promised), small.cell(unmet),
                small.total(total, List.of(met, promised, unmet), weekCounts));
    }

    /** The median of the minutes taken, from their histogram: the middle one, or the mean of the middle two. */
    private MedianTime median(List<OverviewCounts.Reached> reached) {
        Map<Long, Long> byMinutes = new TreeMap<>();
        reached.forEach(r -> byMinutes.merge(r.minutes(), r.count(), Long::sum));
        long n = byMinutes.values().stream().mapToLong(Long::longValue).sum();
        Cell requests = small.cell(n);
        if (n == 0 || requests.hidden()) {
            return new MedianTime(requests, null);
        }
        long lower = nth(byMinutes, (n - 1) / 2);
        long upper = nth(byMinutes, n / 2);
        return new MedianTime(requests, Duration.ofSeconds((lower + upper) * 60 / 2));
    }

    /** The {@code index}-th smallest value (from 0) of a histogram in ascending order. */
    private static long nth(Map<Long, Long> histogram, long index) {
        long seen = 0;
        for (Map.Entry<Long, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (index < seen) {
                return e.getKey();
            }
        }
        // The index comes from the histogram's own total: this is a broken invariant, not bad input (the API answers
        // IllegalArgumentException as a 400).
        throw new IllegalStateException("No value " + index + " in a histogram of " + seen);
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

    /** Counts by purpose, then under each key {@code keysOf} gives a row (a row counts once under each of its keys). */
    private static Map<Purpose, Map<String, Long>> byPurpose(List<OverviewCounts.Open> counts,
                                                            Function<OverviewCounts.Open, List<String>> keysOf) {
        Map<Purpose, Map<String, Long>> by = new HashMap<>();
        for (Purpose p : Purpose.values()) {
            by.put(p, new HashMap<>());
        }
        for (OverviewCounts.Open c : counts) {
            for (String key : keysOf.apply(c)) {
                by.get(c.purpose()).merge(key, c.count(), Long::sum);
            }
        }
        return by;
    }

    private static String areaKey(String code, Set<String> known) {
        return code != null && known.contains(code) ? code : null;
    }

    /**
     * What {@code top_categories} holds for these category URIs: the distinct top-level ids in order, each between
     * spaces, {@value #UNKNOWN} for a URI this taxonomy does not know, "" for none.
     */
    String topCategories(List<String> uris) {
        Set<String> ids = new TreeSet<>();
        for (String uri : uris) {
            String id = topLevelId(uri);
            ids.add(id == null ? UNKNOWN : id);
        }
        return ids.isEmpty() ? "" : " " + String.join(" ", ids) + " ";
    }

    /** The keys a stored {@code top_categories} counts under (null for an unknown category); none for none. */
    private static List<String> topLevels(String stored) {
        List<String> keys = new ArrayList<>();
        if (stored == null) {
            return keys;
        }
        for (String id : stored.strip().split(" ")) {
            if (id.equals(UNKNOWN)) {
                keys.add(null);
            } else if (!id.isEmpty()) {
                keys.add(id);
            }
        }
        return keys;
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
