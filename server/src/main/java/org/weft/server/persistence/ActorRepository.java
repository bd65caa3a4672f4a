package org.weft.server.persistence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.weft.server.model.ActorKind;

/** Finds actors, local and remote, inside the caller's transaction. */
public final class ActorRepository {
    private ActorRepository() {
    }

    /**
     * Takes the actor's row lock until the transaction ends (select ... for update): two transactions that look for
     * something about the actor and then write because of it (a second report about it, say) run one after the other.
     */
    public static void lock(Session s, ActorEntity a) {
        s.lock(a, LockModeType.PESSIMISTIC_WRITE);
    }

    public static Optional<ActorEntity> byUri(Session session, String uri) {
        return session.createSelectionQuery("from ActorEntity where uri = :uri", ActorEntity.class)
                .setParameter("uri", uri).uniqueResultOptional();
    }

    public static Optional<ActorEntity> byKeyId(Session session, String keyId) {
        return session.createSelectionQuery("from ActorEntity where keyId = :k", ActorEntity.class)
                .setParameter("k", keyId).setMaxResults(1).uniqueResultOptional();
    }

    /** A local member or group by its username (one namespace for both). */
    public static Optional<ActorEntity> localByUsername(Session session, String username) {
        LocalUsernameEntity claim = session.find(LocalUsernameEntity.class, username);
        return claim == null ? Optional.empty() : Optional.ofNullable(session.find(ActorEntity.class, claim.getActorId()));
    }

    public static Optional<ActorEntity> local(Session session, ActorKind kind, String username) {
        return localByUsername(session, username).filter(a -> a.getKind() == kind);
    }

    public static Optional<ActorEntity> instanceActor(Session session) {
        return session.createSelectionQuery("from ActorEntity where local = true and kind = :k", ActorEntity.class)
                .setParameter("k", ActorKind.APPLICATION).setMaxResults(1).uniqueResultOptional();
    }

    public static List<ActorEntity> localGroups(Session session) {
        return session.createSelectionQuery("from ActorEntity where local = true and kind = :k and deletedAt is null order by id",
                ActorEntity.class).setParameter("k", ActorKind.GROUP).getResultList();
    }

    public static long countLocal(Session session, ActorKind kind) {
        return session.createSelectionQuery(
                        "select count(*) from ActorEntity where local = true and kind = :k and deletedAt is null",
                Long.class).setParameter("k", kind).getSingleResult();
    }

    /** The newest local actors of a kind, not deleted. */
    public static List<ActorEntity> newestLocal(Session session, ActorKind kind, int limit) {
        return session.createSelectionQuery(
                        "from ActorEntity where local = true and kind = :k and deletedAt is null order by createdAt desc",
                        ActorEntity.class).setParameter("k", kind).setMaxResults(limit).getResultList();
    }

    /** An actor known here by {@code username@domain}, ignoring case. */
    public static Optional<ActorEntity> byHandle(Session session, String username, String domain) {
        return session.createSelectionQuery("from ActorEntity where lower(username) = :u and lower(domain) = :d",
                        ActorEntity.class)
                .setParameter("u", username.toLowerCase(Locale.ROOT))
                .setParameter("d", domain.toLowerCase(Locale.ROOT))
                .setMaxResults(1).uniqueResultOptional();
    }

    public static LocalAccountEntity account(Session session, ActorEntity actor) {
        return session.find(LocalAccountEntity.class, actor.getId());
    }
}
