package org.weft.server.persistence;

import java.util.List;

import org.hibernate.Session;

/** Queries over reports. */
public final class ReportRepository {
    /** How many of an account's reports its history reads. */
    static final int HISTORY = 1_000;

    private ReportRepository() {
    }

    public static boolean existsFlag(Session s, String flagUri) {
        return s.createSelectionQuery("select count(*) from ReportEntity where flagUri = :f", Long.class)
                .setParameter("f", flagUri).getSingleResult() > 0;
    }

    /** Open reports for a community's moderators (or, {@code communityId} null, for the operators), oldest first. */
    public static List<ReportEntity> open(Session s, Long communityId) {
        String where = communityId == null ? "r.community is null" : "r.community.id = :c";
        var q = s.createSelectionQuery("from ReportEntity r join fetch r.account where r.state = :open and " + where
                + " order by r.createdAt, r.id", ReportEntity.class).setParameter("open", ReportEntity.State.OPEN);
        if (communityId != null) {
            q.setParameter("c", communityId);
        }
        return q.getResultList();
    }

    /**
     * The open reports that name the post {@code uri} among their content. A {@code _} or {@code %} in the address
     * only widens the pattern; the exact match is checked on each report found.
     */
    public static List<ReportEntity> openOf(Session s, String uri) {
        return s.createSelectionQuery("from ReportEntity r where r.state = :open and r.contentUris like :u",
                        ReportEntity.class).setParameter("open", ReportEntity.State.OPEN)
                .setParameter("u", "%" + uri + "%")
                .getResultList().stream().filter(r -> r.getContentUris().contains(uri)).toList();
    }

    /** Every report, newest first, with the account (for the command line). */
    public static List<ReportEntity> all(Session s, int limit) {
        return s.createSelectionQuery("from ReportEntity r join fetch r.account left join fetch r.community"
                + " order by r.createdAt desc, r.id desc", ReportEntity.class).setMaxResults(limit).getResultList();
    }

    /** The reports made to {@code community} about {@code account}, oldest first. */
    public static List<ReportEntity> toCommunityAbout(Session s, ActorEntity community, ActorEntity account) {
        return s.createSelectionQuery("from ReportEntity r where r.community = :g and r.account = :a order by r.id",
                ReportEntity.class).setParameter("g", community).setParameter("a", account).getResultList();
    }

    /**
     * The account's reports, open or closed, newest first (the account's history in the queue): at most the newest
     * {@value #HISTORY}, which a queue page reads for each report it shows; an account reported more often than that
     * is shown as reported by that many at least.
     */
    public static List<ReportEntity> ofAccount(Session s, long accountId) {
        return s.createSelectionQuery("from ReportEntity r where r.account.id = :a order by r.createdAt desc, r.id desc",
                ReportEntity.class).setParameter("a", accountId).setMaxResults(HISTORY).getResultList();
    }

    /** The open reports member {@code reporterId} made about {@code account}. */
    public static List<ReportEntity> openByMemberAbout(Session s, long reporterId, ActorEntity account) {
        return s.createSelectionQuery("from ReportEntity r where r.state = :open and r.reporterId = :m and r.account = :a"
                        + " order by r.id", ReportEntity.class).setParameter("open", ReportEntity.State.OPEN)
                .setParameter("m", reporterId).setParameter("a", account).getResultList();
    }

    /** The open reports about {@code account} that came from other servers as Flags. */
    public static List<ReportEntity> openFlagsAbout(Session s, ActorEntity account) {
        return s.createSelectionQuery("from ReportEntity r where r.state = :open and r.flagUri is not null"
                        + " and r.account = :a order by r.id", ReportEntity.class)
                .setParameter("open", ReportEntity.State.OPEN).setParameter("a", account).getResultList();
    }
}
