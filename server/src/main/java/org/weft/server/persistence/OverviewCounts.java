package org.weft.server.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;

/**
 * The needs overview's counts (issue 18), each one statement that groups in the database: nothing here loads a
 * proposal, and nothing returns who posted what. Every count keeps the board's rules: visible, not deleted, still
 * held, and community-only proposals only when {@link Scope#includeCommunityOnly}. V61's indexes serve them
 * ({@code OverviewPlanTest} reads MariaDB's plan).
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

    /** How many open proposals of one purpose have this key (an area code or a category's URI; null: none given). */
    public record Count(Purpose purpose, String key, long count) {
    }

    /** A window's requests by what became of them (FULFILLED, PROMISED, OPEN, EXPIRED, WITHDRAWN). */
    public record Outcome(ProposalStatus status, long count) {
    }

    /** Open proposals by purpose and area code (exact codes; the caller rolls them up). */
    public static List<Count> openByArea(Session s, Scope scope) {
        Sql sql = openByAreaSql(scope);
        if (scope.groupIds().isEmpty()) {
            return List.of();
        }
        List<Count> counts = new ArrayList<>();
        for (Object[] row : sql.bind(s.createNativeQuery(sql.text(), Object[].class)).getResultList()) {
            counts.add(new Count(Purpose.valueOf((String) row[0]), (String) row[1], ((Number) row[2]).longValue()));
        }
        return counts;
    }

    /** Open proposals by purpose and category: a proposal counts once in each category it names. */
    public static List<Count> openByCategory(Session s, Scope scope) {
        if (scope.groupIds().isEmpty()) {
            return List.of();
        }
        Sql sql = openByCategorySql(scope);
        List<Count> counts = new ArrayList<>();
        for (Object[] row : sql.bind(s.createNativeQuery(sql.text(), Object[].class)).getResultList()) {
            counts.add(new Count(Purpose.valueOf((String) row[0]), (String) row[1], ((Number) row[2]).longValue()));
        }
        return counts;
    }

    /** The requests published in {@code [from, to)} by their status now. */
    public static List<Outcome> requestOutcomes(Session s, Scope scope, Instant from, Instant to) {
        if (scope.groupIds().isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = base(scope);
        params.put("request", Purpose.REQUEST.name());
        params.put("from", from);
        params.put("to", to);
        Sql sql = new Sql("select p.status, count(*) from proposal p where " + visible(scope)
                + " and p.purpose = :request and p.published_at >= :from and p.published_at < :to group by p.status",
                params);
        List<Outcome> outcomes = new ArrayList<>();
        for (Object[] row : sql.bind(s.createNativeQuery(sql.text(), Object[].class)).getResultList()) {
            outcomes.add(new Outcome(ProposalStatus.valueOf((String) row[0]), ((Number) row[1]).longValue()));
        }
        return outcomes;
    }

    /**
     * Requests by the week ({@code weeks} of seven days from {@code from}) in which one of their times falls:
     * {@code published_at} (opened) or {@code fulfilled_at} (met). One statement, its weeks a CASE on the time.
     */
    public static long[] requestsByWeek(Session s, Scope scope, String timeColumn, Instant from, int weeks) {
        long[] counts = new long[weeks];
        if (scope.groupIds().isEmpty()) {
            return counts;
        }
        Sql sql = byWeekSql(scope, timeColumn, from, weeks);
        for (Object[] row : sql.bind(s.createNativeQuery(sql.text(), Object[].class)).getResultList()) {
            counts[((Number) row[0]).intValue()] = ((Number) row[1]).longValue();
        }
        return counts;
    }

    /**
     * How many requests reached {@code timeColumn} ({@code promised_at} or {@code fulfilled_at}) in {@code [from, to)},
     * and the median of the time each took from its publication, in seconds (null when none did). The count is one
     * statement; the median a second, which reads the one or two middle values in the database's order.
     */
    public static Median medianSeconds(Session s, Scope scope, String timeColumn, Instant from, Instant to) {
        if (scope.groupIds().isEmpty()) {
            return new Median(0, null);
        }
        String column = column(timeColumn);
        Map<String, Object> params = base(scope);
        params.put("request", Purpose.REQUEST.name());
        params.put("from", from);
        params.put("to", to);
        String where = " from proposal p where " + visible(scope) + " and p.purpose = :request and p." + column
                + " >= :from and p." + column + " < :to";
        Sql count = new Sql("select count(*)" + where, params);
        long n = count.bind(s.createNativeQuery(count.text(), Long.class)).getSingleResult();
        if (n == 0) {
            return new Median(0, null);
        }
        Sql middle = new Sql("select timestampdiff(SECOND, p.published_at, p." + column + ") d" + where + " order by d",
                params);
        List<Long> values = middle.bind(s.createNativeQuery(middle.text(), Long.class))
                .setFirstResult((int) ((n - 1) / 2)).setMaxResults(n % 2 == 0 ? 2 : 1).getResultList();
        long sum = values.stream().mapToLong(Long::longValue).sum();
        return new Median(n, Duration.ofSeconds(Math.max(0, sum / values.size())));
    }

    /** How many values a median was taken over, and the median (null when there were none). */
    public record Median(long count, Duration median) {
    }

    static Sql openByAreaSql(Scope scope) {
        Map<String, Object> params = base(scope);
        params.put("open", ProposalStatus.OPEN.name());
        return new Sql("select p.purpose, p.area_code, count(*) from proposal p where " + visible(scope)
                + " and p.status = :open group by p.purpose, p.area_code", params);
    }

    static Sql openByCategorySql(Scope scope) {
        Map<String, Object> params = base(scope);
        params.put("open", ProposalStatus.OPEN.name());
        return new Sql("select p.purpose, c.concept_uri, count(*) from proposal p join proposal_category c"
                + " on c.proposal_id = p.id where " + visible(scope) + " and p.status = :open"
                + " group by p.purpose, c.concept_uri", params);
    }

    static Sql byWeekSql(Scope scope, String timeColumn, Instant from, int weeks) {
        String column = "p." + column(timeColumn);
        Map<String, Object> params = base(scope);
        params.put("request", Purpose.REQUEST.name());
        params.put("from", from);
        params.put("to", from.plus(Duration.ofDays(7L * weeks)));
        StringBuilder week = new StringBuilder("case");
        for (int i = 1; i < weeks; i++) {
            week.append(" when ").append(column).append(" < :week").append(i).append(" then ").append(i - 1);
            params.put("week" + i, from.plus(Duration.ofDays(7L * i)));
        }
        week.append(" else ").append(weeks - 1).append(" end");
        return new Sql("select " + week + " w, count(*) from proposal p where " + visible(scope)
                + " and p.purpose = :request and " + column + " >= :from and " + column + " < :to group by w", params);
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
