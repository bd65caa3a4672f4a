package org.weft.server.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.weft.server.model.Audience;
import org.weft.server.model.HelpKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;

/** Queries over proposals, local and remote, inside the caller's transaction. (Searches: {@link ProposalQuery}.) */
public final class ProposalRepository {
    private static final List<ProposalStatus> ACTIVE = List.of(ProposalStatus.OPEN, ProposalStatus.PROMISED);
    private static final String OPEN_FOR_INDEX = " from ProposalEntity p left join p.group g where p.id > :after"
            + " and p.status = :open and p.deletedAt is null and p.detachedAt is null and p.moderation = :visible"
            + " and p.endsAt > :now";

    private ProposalRepository() {
    }

    /**
     * Takes the proposal's row lock until the transaction ends (select ... for update, on H2 and MariaDB alike): two
     * transactions that check something about the proposal and then write because of it run one after the other. The
     * database reads committed rows ({@code Database}), so what the second reads after the wait includes the first's.
     */
    public static void lock(Session s, ProposalEntity p) {
        s.lock(p, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * What the matching index keeps of an open proposal, read as columns (no entity, no session cache). The
     * categories come separately ({@link #categoriesOf}). {@code source}, {@code groupId} (with {@code groupLocal})
     * and {@code ownerId} say through which link a copy from another server is held.
     */
    public record IndexRow(long id, boolean local, Purpose purpose, HelpKind kind, String areaCode, Double latitude,
                           Double longitude, Instant publishedAt, Instant endsAt, BigDecimal quantity, String unit,
                           ProposalEntity.Source source, Long groupId, boolean groupLocal, Long ownerId, String uri,
                           Long authorId) {
    }

    /** A proposal, local or remote, by its ActivityPub id. */
    public static Optional<ProposalEntity> byUri(Session s, String uri) {
        return s.createSelectionQuery("from ProposalEntity where uri = :u", ProposalEntity.class)
                .setParameter("u", uri).uniqueResultOptional();
    }

    /** A local proposal by its id, deleted or not (the caller decides what a deleted one shows). */
    public static Optional<ProposalEntity> localByUri(Session s, String uri) {
        return s.createSelectionQuery("from ProposalEntity where uri = :u and local = true", ProposalEntity.class)
                .setParameter("u", uri).uniqueResultOptional();
    }

    /**
     * A local proposal as its URL shows it to anyone, a browser or another server: neither deleted nor withdrawn (such
     * a URL answers 410 when a tombstone says so, else 404), nor held back or hidden by a moderator (404, as if it were
     * not there). Who else may still open it (its author, a moderator) is {@code ProposalReaders}' decision.
     */
    public static Optional<ProposalEntity> shownAt(Session s, String uri) {
        return localByUri(s, uri).filter(p -> !p.isDeleted() && p.getStatus() != ProposalStatus.WITHDRAWN
                && !p.isHeldByModerator());
    }

    /**
     * A community's own proposals whose address starts with {@code uriPrefix} (the address up to a reference, which is
     * the start of the id) and which a reader may open: not deleted, not withdrawn, not held back or hidden by a
     * moderator, and community-only ones only when {@code withCommunityOnly}. At most {@code limit} addresses, so
     * the caller can tell one from several. The prefix is a range of the unique index on the address.
     */
    public static List<String> byReference(Session s, long groupId, String uriPrefix, boolean withCommunityOnly,
                                           int limit) {
        String hql = "select p.uri from ProposalEntity p where p.uri like :prefix escape '!' and p.local = true"
                + " and p.group.id = :g and p.deletedAt is null and p.status <> :withdrawn and p.moderation = :visible"
                + (withCommunityOnly ? "" : " and p.audience <> :communityOnly");
        var query = s.createSelectionQuery(hql, String.class)
                .setParameter("prefix", ProposalQuery.likeEscaped(uriPrefix) + "%").setParameter("g", groupId)
                .setParameter("withdrawn", ProposalStatus.WITHDRAWN)
                .setParameter("visible", ProposalEntity.Moderation.VISIBLE);
        if (!withCommunityOnly) {
            query.setParameter("communityOnly", Audience.COMMUNITY);
        }
        return query.setMaxResults(limit).getResultList();
    }

    /**
     * The posts this instance has published and still shows: local proposals neither deleted, withdrawn nor hidden by a
     * moderator (NodeInfo's {@code localPosts}).
     */
    public static long countLocalShown(Session s) {
        return s.createSelectionQuery("select count(*) from ProposalEntity p where p.local = true and p.deletedAt is null"
                        + " and p.status <> :withdrawn and p.moderation = :visible", Long.class)
                .setParameter("withdrawn", ProposalStatus.WITHDRAWN)
                .setParameter("visible", ProposalEntity.Moderation.VISIBLE).getSingleResult();
    }

    public static long countAll(Session s) {
        return s.createSelectionQuery("select count(*) from ProposalEntity", Long.class).getSingleResult();
    }

    /** The ids of a member's own proposals that are not deleted. */
    public static List<Long> localIdsOf(Session s, long memberId) {
        return s.createSelectionQuery(
                        "select id from ProposalEntity where author.id = :m and local = true and deletedAt is null", Long.class)
                .setParameter("m", memberId).getResultList();
    }

    /** The addresses of the anonymous requests a member posted, deleted or not (reports of them outlive them). */
    public static Set<String> anonymousUrisOf(Session s, long memberId) {
        return new HashSet<>(s.createSelectionQuery(
                        "select uri from ProposalEntity where author.id = :m and audience = :anonymous", String.class)
                .setParameter("m", memberId).setParameter("anonymous", Audience.ANONYMOUS).getResultList());
    }

    /** A member's own proposals, newest first. */
    public static List<ProposalEntity> newestOf(Session s, long memberId, int limit) {
        return s.createSelectionQuery("from ProposalEntity p where p.author.id = :me and p.local = true and p.deletedAt is null"
                        + " order by p.publishedAt desc, p.id desc", ProposalEntity.class)
                .setParameter("me", memberId).setMaxResults(limit).getResultList();
    }

    /** A member's newest proposal that is still open or promised, and not hidden by a moderator. */
    public static Optional<ProposalEntity> newestActiveOf(Session s, ActorEntity member) {
        return s.createSelectionQuery("from ProposalEntity where author = :a and local = true and deletedAt is null"
                        + " and status in (:active) and moderation = :visible order by publishedAt desc",
                        ProposalEntity.class)
                .setParameter("a", member).setParameter("visible", ProposalEntity.Moderation.VISIBLE)
                .setParameterList("active", ACTIVE)
                .setMaxResults(1).uniqueResultOptional();
    }

    /** Ids of local proposals, open or promised, whose end date has come; at most {@code limit}. */
    public static List<Long> dueToExpire(Session s, Instant now, int limit) {
        return s.createSelectionQuery(
                        "select id from ProposalEntity where local = true and deletedAt is null and endsAt <= :now"
                                + " and status in (:active)", Long.class)
                .setParameter("now", now)
                .setParameterList("active", ACTIVE)
                .setMaxResults(limit).getResultList();
    }

    /** A community's posts waiting for a moderator, oldest first, with their authors. */
    public static List<ProposalEntity> waitingForModerator(Session s, ActorEntity group) {
        return s.createSelectionQuery("from ProposalEntity p join fetch p.author where p.group = :g and p.moderation = :m"
                        + " and p.deletedAt is null order by p.publishedAt", ProposalEntity.class)
                .setParameter("g", group).setParameter("m", ProposalEntity.Moderation.PENDING).getResultList();
    }

    /** An account with several posts waiting in one community: how many, and the number of the last one to arrive. */
    public record WaitingAccount(long authorId, long count, long lastId) {
    }

    /** A server whose accounts have many posts waiting in one community: how many, from how many accounts, the last. */
    public record WaitingServer(String domain, long count, long accounts, long lastId) {
    }

    /**
     * Which of a community's waiting posts a page lists: only {@code author}'s, or only those of accounts of the server
     * {@code server} (host, or host:port, as actors' {@code domain}), when not null; else all but those of
     * {@code exceptAuthors} and of the servers {@code exceptServers} (each shown grouped).
     */
    public record WaitingScope(Long author, String server, Collection<Long> exceptAuthors,
                               Collection<String> exceptServers) {
        public static WaitingScope all(Collection<Long> exceptAuthors, Collection<String> exceptServers) {
            return new WaitingScope(null, null, exceptAuthors, exceptServers);
        }
    }

    /**
     * One page of a community's waiting posts, oldest first by (publication time, id), just past {@code after} (null:
     * from the oldest), with their authors, those {@code scope} keeps. {@code limit} rows at most;
     * ix_proposal_waiting holds them in this order.
     */
    public static List<ProposalEntity> waitingPage(Session s, long groupId, ProposalCursor after, WaitingScope scope,
                                                   int limit) {
        boolean everyone = scope.author() == null && scope.server() == null;
        String hql = "from ProposalEntity p join fetch p.author a where p.group.id = :g and p.moderation = :m"
                + " and p.deletedAt is null"
                + (after == null ? "" : " and (p.publishedAt > :at or (p.publishedAt = :at and p.id > :id))")
                + (scope.author() != null ? " and a.id = :author" : "")
                + (scope.server() != null ? " and a.local = false and a.domain = :server" : "")
                + (everyone && !scope.exceptAuthors().isEmpty() ? " and a.id not in (:except)" : "")
                + (everyone && !scope.exceptServers().isEmpty() ? " and a.domain not in (:exceptServers)" : "")
                + " order by p.publishedAt, p.id";
        var query = s.createSelectionQuery(hql, ProposalEntity.class).setParameter("g", groupId)
                .setParameter("m", ProposalEntity.Moderation.PENDING);
        if (after != null) {
            query.setParameter("at", after.publishedAt()).setParameter("id", after.id());
        }
        if (scope.author() != null) {
            query.setParameter("author", scope.author());
        }
        if (scope.server() != null) {
            query.setParameter("server", scope.server());
        }
        if (everyone && !scope.exceptAuthors().isEmpty()) {
            query.setParameterList("except", scope.exceptAuthors());
        }
        if (everyone && !scope.exceptServers().isEmpty()) {
            query.setParameterList("exceptServers", scope.exceptServers());
        }
        return query.setMaxResults(limit).getResultList();
    }

    /** How many posts wait for a moderator in a community (read from ix_proposal_waiting alone). */
    /** Whether {@code author} has a post of their own, under their own name, in {@code community}, not deleted. */
    public static boolean hasOwnPostIn(Session s, ActorEntity community, ActorEntity author) {
        return s.createSelectionQuery("select count(*) from ProposalEntity p where p.group = :g and p.author = :a"
                        + " and p.attributedTo = :a and p.deletedAt is null", Long.class)
                .setParameter("g", community).setParameter("a", author).getSingleResult() > 0;
    }

    public static long countWaiting(Session s, long groupId) {
        return s.createSelectionQuery("select count(*) from ProposalEntity p where p.group.id = :g and p.moderation = :m"
                        + " and p.deletedAt is null", Long.class)
                .setParameter("g", groupId).setParameter("m", ProposalEntity.Moderation.PENDING).getSingleResult();
    }

    /**
     * The accounts with at least {@code atLeast} posts waiting in a community, most first (then the one whose last post
     * came last), {@code limit} at most, leaving out the accounts of {@code exceptServers} (shown grouped by server);
     * read from ix_proposal_waiting alone when no server is left out.
     */
    public static List<WaitingAccount> waitingAccounts(Session s, long groupId, int atLeast,
                                                       Collection<String> exceptServers, int limit) {
        var query = s.createSelectionQuery("select p.author.id, count(*), max(p.id) from ProposalEntity p"
                        + " where p.group.id = :g and p.moderation = :m and p.deletedAt is null"
                        + (exceptServers.isEmpty() ? "" : " and p.author.domain not in (:except)")
                        + " group by p.author.id having count(*) >= :least order by count(*) desc, max(p.id) desc",
                        Object[].class)
                .setParameter("g", groupId).setParameter("m", ProposalEntity.Moderation.PENDING)
                .setParameter("least", (long) atLeast);
        if (!exceptServers.isEmpty()) {
            query.setParameterList("except", exceptServers);
        }
        return query.setMaxResults(limit).getResultList().stream()
                .map(r -> new WaitingAccount((Long) r[0], (Long) r[1], (Long) r[2])).toList();
    }

    /**
     * The other servers with at least {@code atLeast} posts waiting in a community from accounts that each have fewer
     * than {@code accountGroupedAt} waiting there (a flood spread thin over many accounts; an account with more is
     * shown on its own), most such posts first (then the one whose last post came last), {@code limit} at most. Each
     * comes with all its waiting posts counted, from all its accounts, and the last of them. Both statements read the
     * community's waiting posts through ix_proposal_waiting and each author's row by its key, for its server.
     */
    public static List<WaitingServer> waitingServers(Session s, long groupId, int atLeast, int accountGroupedAt,
                                                     int limit) {
        List<String> spread = s.createSelectionQuery("select a.domain from ProposalEntity p join p.author a"
                        + " where p.group.id = :g and p.moderation = :m and p.deletedAt is null and a.local = false"
                        + " and p.author.id not in (select q.author.id from ProposalEntity q where q.group.id = :g"
                        + " and q.moderation = :m and q.deletedAt is null group by q.author.id having count(*) >= :grouped)"
                        + " group by a.domain having count(*) >= :least order by count(*) desc, max(p.id) desc",
                        String.class)
                .setParameter("g", groupId).setParameter("m", ProposalEntity.Moderation.PENDING)
                .setParameter("grouped", (long) accountGroupedAt).setParameter("least", (long) atLeast)
                .setMaxResults(limit).getResultList();
        if (spread.isEmpty()) {
            return List.of();
        }
        Map<String, WaitingServer> counted = s.createSelectionQuery("select a.domain, count(*), count(distinct a.id),"
                        + " max(p.id) from ProposalEntity p join p.author a where p.group.id = :g and p.moderation = :m"
                        + " and p.deletedAt is null and a.local = false and a.domain in (:d) group by a.domain",
                        Object[].class)
                .setParameter("g", groupId).setParameter("m", ProposalEntity.Moderation.PENDING)
                .setParameterList("d", spread).getResultList().stream()
                .map(r -> new WaitingServer((String) r[0], (Long) r[1], (Long) r[2], (Long) r[3]))
                .collect(Collectors.toMap(WaitingServer::domain, w -> w));
        return spread.stream().map(counted::get).toList();
    }

    /** Up to {@code limit} of the posts waiting in a community from accounts of the server {@code domain}. */
    public static List<ProposalEntity> waitingFromServer(Session s, long groupId, String domain, int limit) {
        return s.createSelectionQuery("select p from ProposalEntity p join p.author a where p.group.id = :g"
                        + " and p.moderation = :m and p.deletedAt is null and a.local = false and a.domain = :d",
                        ProposalEntity.class)
                .setParameter("g", groupId).setParameter("m", ProposalEntity.Moderation.PENDING)
                .setParameter("d", domain).setMaxResults(limit).getResultList();
    }

    /** Up to {@code limit} of one account's posts waiting in a community, in no particular order. */
    public static List<ProposalEntity> waitingOf(Session s, long groupId, long authorId, int limit) {
        return s.createSelectionQuery("from ProposalEntity p where p.group.id = :g and p.moderation = :m"
                        + " and p.deletedAt is null and p.author.id = :a", ProposalEntity.class)
                .setParameter("g", groupId).setParameter("m", ProposalEntity.Moderation.PENDING)
                .setParameter("a", authorId).setMaxResults(limit).getResultList();
    }

    /** One page (by id, after {@code after}) of the proposals the matching index holds: open, visible, not ended. */
    public static List<IndexRow> openForIndex(Session s, long after, Instant now, int pageSize) {
        return s.createSelectionQuery("select p.id, p.local, p.purpose, p.kind, p.areaCode, p.latitude,"
                        + " p.longitude, p.publishedAt, p.endsAt, p.quantity, p.unit, p.source, g.id, g.local,"
                        + " p.attributedTo.id, p.uri, p.author.id"
                        + OPEN_FOR_INDEX + " order by p.id", Object[].class)
                .setParameter("after", after).setParameter("open", ProposalStatus.OPEN)
                .setParameter("visible", ProposalEntity.Moderation.VISIBLE).setParameter("now", now)
                .setMaxResults(pageSize).getResultList().stream()
                .map(r -> new IndexRow((Long) r[0], (Boolean) r[1], (Purpose) r[2], (HelpKind) r[3], (String) r[4],
                        (Double) r[5], (Double) r[6], (Instant) r[7], (Instant) r[8], (BigDecimal) r[9], (String) r[10],
                        (ProposalEntity.Source) r[11], (Long) r[12], Boolean.TRUE.equals(r[13]), (Long) r[14],
                        (String) r[15], (Long) r[16]))
                .toList();
    }

    /** The categories, in order, of every proposal with an id in {@code (after, last]}, by proposal id. */
    public static Map<Long, List<String>> categoriesOf(Session s, long after, long last) {
        Map<Long, List<String>> categories = new HashMap<>();
        s.createSelectionQuery("select p.id, c from ProposalEntity p join p.categories c where p.id > :after"
                        + " and p.id <= :last order by p.id, index(c)", Object[].class)
                .setParameter("after", after).setParameter("last", last).getResultList()
                .forEach(r -> categories.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        return categories;
    }

    /**
     * Copies from other servers held through a community link that involves {@code actorId}: those that came through
     * it (its {@code Announce}s) or are its own, not deleted and not yet detached.
     */
    public static List<ProposalEntity> heldThrough(Session s, long actorId) {
        return s.createSelectionQuery("from ProposalEntity p where p.local = false and p.source = :weft"
                        + " and p.group.local = false and p.deletedAt is null and p.detachedAt is null"
                        + " and (p.group.id = :a or p.attributedTo.id = :a)", ProposalEntity.class)
                .setParameter("weft", ProposalEntity.Source.WEFT).setParameter("a", actorId).getResultList();
    }

    /** The ids (URIs) of copies that came through community {@code groupId} and were detached, oldest first. */
    public static List<String> detachedThrough(Session s, long groupId, int limit) {
        return s.createSelectionQuery("select p.uri from ProposalEntity p where p.local = false and p.group.id = :g"
                        + " and p.deletedAt is null and p.detachedAt is not null order by p.id", String.class)
                .setParameter("g", groupId).setMaxResults(limit).getResultList();
    }

    /**
     * One page (by id, after {@code after}) of the ids of copies from other servers, open or promised, whose end passed
     * before {@code cutoff}: those that may have been silent for their whole lifetime (the caller checks when each was
     * last heard of).
     */
    public static List<Long> remoteEndedBefore(Session s, Instant cutoff, long after, int limit) {
        return s.createSelectionQuery("select id from ProposalEntity where local = false and deletedAt is null"
                        + " and endsAt <= :cutoff and status in (:active) and id > :after order by id", Long.class)
                .setParameter("cutoff", cutoff).setParameterList("active", ACTIVE).setParameter("after", after)
                .setMaxResults(limit).getResultList();
    }

    /** Every proposal from another server that an actor owns and that is not deleted (board posts, copies, pending). */
    public static List<ProposalEntity> remoteOwnedBy(Session s, long actorId) {
        return s.createSelectionQuery("from ProposalEntity p where p.local = false and p.deletedAt is null"
                        + " and p.attributedTo.id = :a", ProposalEntity.class).setParameter("a", actorId).getResultList();
    }

    /** Remote posts of {@code author} on {@code group}'s board received after {@code since}. */
    public static long receivedOnBoardSince(Session s, ActorEntity author, ActorEntity group, Instant since) {
        return s.createSelectionQuery("select count(*) from ProposalEntity p where p.author = :a and p.group = :g"
                        + " and p.local = false and p.receivedAt > :since", Long.class)
                .setParameter("a", author).setParameter("g", group).setParameter("since", since).getSingleResult();
    }

    /** Proposals whose search terms were stored under an analysis older than {@code version}, or never; by id. */
    public static List<ProposalEntity> withTermsOlderThan(Session s, int version, int limit) {
        return s.createSelectionQuery("from ProposalEntity p where p.termsVersion is null or p.termsVersion < :v"
                        + " order by p.id", ProposalEntity.class).setParameter("v", version).setMaxResults(limit)
                .getResultList();
    }

    /** The time of the latest moderator's decision, if any was ever taken. */
    public static Optional<Instant> lastModeratedAt(Session s) {
        return Optional.ofNullable(s.createSelectionQuery("select max(p.moderatedAt) from ProposalEntity p", Instant.class)
                .getSingleResult());
    }

    /** The numbers of the proposals a moderator decided on at exactly {@code at} (read from ix_proposal_moderated). */
    public static List<Long> idsModeratedAt(Session s, Instant at) {
        return s.createSelectionQuery("select p.id from ProposalEntity p where p.moderatedAt = :at", Long.class)
                .setParameter("at", at).getResultList();
    }

    /** The proposals numbered {@code ids}, with their authors, in no particular order. */
    public static List<ProposalEntity> byIds(Session s, Collection<Long> ids) {
        return s.createSelectionQuery("from ProposalEntity p join fetch p.author where p.id in (:ids)", ProposalEntity.class)
                .setParameterList("ids", ids).getResultList();
    }

    /** Proposals a moderator decided on after {@code at} (all decided ones when null), oldest decision first. */
    public static List<ProposalEntity> moderatedAfter(Session s, Instant at, int limit) {
        return (at == null
                ? s.createSelectionQuery("from ProposalEntity p where p.moderatedAt is not null order by p.moderatedAt, p.id",
                        ProposalEntity.class)
                : s.createSelectionQuery("from ProposalEntity p where p.moderatedAt > :at order by p.moderatedAt, p.id",
                        ProposalEntity.class).setParameter("at", at))
                .setMaxResults(limit).getResultList();
    }

    /** Which of {@code ids} still have a row (the pruner purges rows the matcher may not have heard of yet). */
    public static Set<Long> existingIds(Session s, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(s.createSelectionQuery("select p.id from ProposalEntity p where p.id in :ids", Long.class)
                .setParameter("ids", ids).getResultList());
    }
}
