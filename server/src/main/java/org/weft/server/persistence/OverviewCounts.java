package org.weft.server.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;

/**
 * The needs overview's counts (issue 18), each one statement that groups in the database: nothing here loads a
 * proposal, and nothing returns who posted what. Every count keeps the board's rules: visible, not deleted, still
 * held, and community-only proposals only when {@link Scope#includeCommunityOnly}. Four statements make an overview
 * (the open ones by area and top-level categories, the window by publication, and one for each of the promise and the
 * fulfilment times), each read from an index that holds every column it needs (V80): {@code OverviewPlanTest} reads
 * MariaDB's plan and fails on a scan or on a row fetched from the table.
 */
public final class OverviewCounts {
    private OverviewCounts() {
    }

    /**
     * Whose proposals are counted: those held under these communities (a community's own and its followers' posts,
     * or the copies held from a community it links to), community-only ones only for a member's page.
     */
    public record Scope(List<Long> groupIds, boolean includeCommunityOnly) {
        public Scope {
            groupIds = List.copyOf(groupIds);
        }
    }

    /**
     * How many open proposals of one purpose have this area code (exact; null: none given) and these top-level
     * categories (as stored in {@code top_categories}: " food shelter ", "" for none).
     */
    public record Open(Purpose purpose, String areaCode, String topCategories, long count) {
    }

    /**
     * Open proposals by purpose, area code and top-level categories, in one statement read from V80's index alone: the
     * caller sums them by area and by category, so that a proposal counts once in each (never once per category).
     * Fill the top-level categories in first ({@link #fillTopCategories}).
     */
    public static List<Open> open(Session s, Scope scope) {
        if (scope.groupIds().isEmpty()) {
            return List.of();
        }
        Sql sql = openSql(scope);
        List<Open> counts = new ArrayList<>();
        for (Object[] row : sql.bind(s.createNativeQuery(sql.text(), Object[].class)).getResultList()) {
            counts.add(new Open(Purpose.valueOf((String) row[0]), (String) row[1], (String) row[2],
                    ((Number) row[3]).longValue()));
        }
        return counts;
    }

    /**
     * Fills in {@code top_categories} where it is null (new proposals, changed categories, rows older than V80), in
     * batches of {@code batch}: {@code topOf} makes the stored text of a proposal's category URIs, in their order.
     * Returns how many proposals were filled in.
     */
    public static int fillTopCategories(Session s, Function<List<String>, String> topOf, int batch) {
        int filled = 0;
        while (true) {
            Sql missing = missingTopCategoriesSql();
            List<Long> ids = s.createNativeQuery(missing.text(), Long.class).setMaxResults(batch).getResultList();
            if (ids.isEmpty()) {
                return filled;
            }
            Map<Long, List<String>> categories = new TreeMap<>();
            ids.forEach(id -> categories.put(id, new ArrayList<>()));
            s.createNativeQuery("select proposal_id, concept_uri from proposal_category where proposal_id in (:ids)"
                    + " order by proposal_id, position", Object[].class).setParameterList("ids", ids).getResultList()
                    .forEach(r -> categories.get(((Number) r[0]).longValue()).add((String) r[1]));
            Map<String, List<Long>> byText = new TreeMap<>();
            categories.forEach((id, uris) -> byText.computeIfAbsent(topOf.apply(uris), k -> new ArrayList<>()).add(id));
            byText.forEach((text, same) -> s.createNativeMutationQuery(
                    "update proposal set top_categories = :text where id in (:ids)")
                    .setParameter("text", text).setParameterList("ids", same).executeUpdate());
            filled += ids.size();
            if (ids.size() < batch) {
                return filled;
            }
        }
    }

    /** How many requests published in a week of the window are in a status now. */
    public record Published(ProposalStatus status, int week, long count) {
    }

    /**
     * The requests published in the {@code weeks} weeks from {@code from}, by their status now and the week they
     * were published in: the outcomes and the weekly series of requests opened, in one statement read from V80's
     * index alone.
     */
    public static List<Published> requestsPublished(Session s, Scope scope, Instant from, int weeks) {
        if (scope.groupIds().isEmpty()) {
            return List.of();
        }
        Sql sql = publishedSql(scope, from, weeks);
        List<Published> counts = new ArrayList<>();
        for (Object[] row : sql.bind(s.createNativeQuery(sql.text(), Object[].class)).getResultList()) {
            counts.add(new Published(ProposalStatus.valueOf((String) row[0]), ((Number) row[1]).intValue(),
                    ((Number) row[2]).longValue()));
        }
        return counts;
    }

    /** How many requests reached a time in a week of the window, having taken this many whole minutes since publication. */
    public record Reached(int week, long minutes, long count) {
    }

    /**
     * The requests that reached {@code timeColumn} ({@code promised_at} or {@code fulfilled_at}) in the {@code weeks}
     * weeks from {@code from}, by that week and by the whole minutes each took from its publication: the weekly series
     * and the median's histogram in one statement, read from V80's index alone. Minutes rather than seconds keep the
     * groups few (the median is shown in hours or days).
     */
    public static List<Reached> requestsReaching(Session s, Scope scope, String timeColumn, Instant from, int weeks) {
        if (scope.groupIds().isEmpty()) {
            return List.of();
        }
        Sql sql = reachingSql(scope, timeColumn, from, weeks);
        List<Reached> counts = new ArrayList<>();
        for (Object[] row : sql.bind(s.createNativeQuery(sql.text(), Object[].class)).getResultList()) {
            counts.add(new Reached(((Number) row[0]).intValue(), Math.max(0, ((Number) row[1]).longValue()),
                    ((Number) row[2]).longValue()));
        }
        return counts;
    }

    static Sql missingTopCategoriesSql() {
        return new Sql("select p.id from proposal p where p.top_categories is null", Map.of());
    }

    static Sql openSql(Scope scope) {
        Map<String, Object> params = base(scope);
        params.put("open", ProposalStatus.OPEN.name());
        return new Sql("select p.purpose, p.area_code, p.top_categories, count(*) from proposal p where " + visible(scope)
                // Grouped in the index's order (audience and moderation between), so no temporary table is made.
                + " and p.status = :open group by p.purpose, p.audience, p.moderation, p.area_code, p.top_categories",
                params);
    }

    static Sql publishedSql(Scope scope, Instant from, int weeks) {
        Map<String, Object> params = window(scope, from, weeks);
        return new Sql("select p.status, " + week("p.published_at", from, weeks, params) + " w, count(*) from proposal p"
                + " where " + visible(scope) + " and p.purpose = :request and p.published_at >= :from"
                + " and p.published_at < :to group by p.status, w", params);
    }

    static Sql reachingSql(Scope scope, String timeColumn, Instant from, int weeks) {
        String column = "p." + column(timeColumn);
        Map<String, Object> params = window(scope, from, weeks);
        return new Sql("select " + week(column, from, weeks, params) + " w, timestampdiff(MINUTE, p.published_at, "
                + column + ") m, count(*) from proposal p where " + visible(scope) + " and p.purpose = :request and "
                + column + " >= :from and " + column + " < :to group by w, m", params);
    }

    private static Map<String, Object> window(Scope scope, Instant from, int weeks) {
        Map<String, Object> params = base(scope);
        params.put("request", Purpose.REQUEST.name());
        params.put("from", from);
        params.put("to", from.plus(Duration.ofDays(7L * weeks)));
        return params;
    }

    /** The week (0 to weeks - 1) in which {@code column} falls, a CASE on the time; adds its bounds to the params. */
    private static String week(String column, Instant from, int weeks, Map<String, Object> params) {
        StringBuilder week = new StringBuilder("case");
        for (int i = 1; i < weeks; i++) {
            week.append(" when ").append(column).append(" < :week").append(i).append(" then ").append(i - 1);
            params.put("week" + i, from.plus(Duration.ofDays(7L * i)));
        }
        return week.append(" else ").append(weeks - 1).append(" end").toString();
    }

    /** The two times the overview reads besides publication, named here so no caller's text reaches the SQL. */
    private static String column(String timeColumn) {
        return switch (timeColumn) {
            case "published_at", "promised_at", "fulfilled_at" -> timeColumn;
            default -> throw new IllegalArgumentException("Not a proposal time: " + timeColumn);
        };
    }

    private static Map<String, Object> base(Scope scope) {
        Map<String, Object> params = new TreeMap<>();
        params.put("groups", scope.groupIds());
        params.put("visible", ProposalEntity.Moderation.VISIBLE.name());
        if (!scope.includeCommunityOnly()) {
            params.put("communityOnly", Audience.COMMUNITY.name());
        }
        return params;
    }

    /** The board's rules, as in {@link ProposalQuery}. */
    private static String visible(Scope scope) {
        return "p.group_id in (:groups) and p.moderation = :visible and p.deleted_at is null and p.detached_at is null"
                + (scope.includeCommunityOnly() ? "" : " and p.audience <> :communityOnly");
    }

    /** A statement and its parameters; the plan test explains the same text. */
    record Sql(String text, Map<String, Object> params) {
        <Q extends NativeQuery<?>> Q bind(Q query) {
            params.forEach((k, v) -> {
                if (v instanceof List<?> list) {
                    query.setParameterList(k, list);
                } else {
                    query.setParameter(k, v);
                }
            });
            return query;
        }
    }
}
