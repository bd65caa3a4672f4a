package org.weft.server.domain.actor;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Logger;

import org.hibernate.Session;
import org.weft.activitypub.client.ActivityPubClient;
import org.weft.activitypub.vocab.Actor;
import org.weft.server.domain.RemoteTexts;
import org.weft.server.model.ActorKind;
import org.weft.server.model.DomainNames;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.KeyViolation;

/**
 * Actors on other servers: fetched (signed, through the address guard) the first time they are
 * needed, stored, and refreshed when their key stops working or they send an Update.
 *
 * <p>One fetch per actor at a time: requests that need the same actor meanwhile wait for that fetch and
 * share its result. Storing survives a race with another server process (or an Update) that inserts the
 * same actor first: the row it made is updated instead.
 */
public final class RemoteActors {
    private static final Logger LOG = Logger.getLogger(RemoteActors.class.getName());
    /** Attempts at storing an actor that another transaction keeps inserting first; in practice two suffice. */
    private static final int STORE_ATTEMPTS = 3;
    /** Actors kept in memory at most; past it the memory starts again (a busy inbox sees the same few thousand). */
    private static final int MAX_KEPT = 10_000;

    private final Database db;
    private final ActivityPubClient client;
    private final LocalUrls urls;
    private final Clock clock;
    private final SingleFlight<String, ActorEntity> fetches = new SingleFlight<>();
    /**
     * Actors as last read from the database, so the inbound worker does not open a transaction for the same actor at
     * every activity (that look-up was a quarter of its time). Dropped when this process stores the actor, and when
     * any node changes its row (the change feed calls {@link #forget}), so it is never staler than a fifth of a second.
     */
    private final Map<String, ActorEntity> kept = new ConcurrentHashMap<>();

    public RemoteActors(Database db, ActivityPubClient client, LocalUrls urls, Clock clock) {
        this.db = db;
        this.client = client;
        this.urls = urls;
        this.clock = clock;
    }

    /** The stored actor, or a fresh fetch when unknown. */
    public ActorEntity resolve(String actorUri) throws IOException {
        ActorEntity cached = kept.get(actorUri);
        if (cached != null) {
            return cached;
        }
        Optional<ActorEntity> known = db.inTransaction(s -> ActorRepository.byUri(s, actorUri));
        if (known.isPresent()) {
            return keep(known.get());
        }
        return fetchUnless(actorUri, stored -> true);
    }

    /** Drops what is kept of this actor: its row changed, on this node or another. */
    public void forget(String actorUri) {
        kept.remove(actorUri);
    }

    private ActorEntity keep(ActorEntity actor) {
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(actor.getUri(), actor);
        return actor;
    }

    /** Fetches the actor document again and stores what it says now (or joins such a fetch already running). */
    public ActorEntity fetch(String actorUri) throws IOException {
        return fetchUnless(actorUri, null);
    }

    /**
     * Fetches and stores the actor document, unless the actor as stored by then already serves: the caller
     * looked before waiting its turn, and another request may have fetched it since.
     *
     * @param actorUri the actor's id
     * @param storedWillDo says whether the stored actor is what the caller needs; null to always fetch
     * @return the actor as stored
     * @throws IOException if the fetch failed (every caller that waited for it gets the same exception)
     */
    public ActorEntity fetchUnless(String actorUri, Predicate<ActorEntity> storedWillDo) throws IOException {
        if (urls.isLocal(actorUri)) {
            throw new IOException("Refusing to fetch a local actor as remote: " + actorUri);
        }
        return fetches.run(actorUri, () -> {
            if (storedWillDo != null) {
                Optional<ActorEntity> stored = db.inTransaction(s -> ActorRepository.byUri(s, actorUri));
                if (stored.isPresent() && storedWillDo.test(stored.get())) {
                    return stored.get();
                }
            }
            Actor actor = Actor.fromJson(client.fetchObject(URI.create(actorUri)));
            return store(actor);
        });
    }

    /**
     * A remote actor deleted itself (its own signed {@code Delete}): it is kept as deleted, so its name shows as
     * such, and its follows in both directions go. A local actor is never deleted this way.
     */
    public void deleted(String actorUri) {
        db.run(s -> ActorRepository.byUri(s, actorUri).filter(a -> !a.isLocal()).ifPresent(actor -> {
            FollowRepository.deleteAllInvolving(s, actor);
            actor.setDeletedAt(clock.instant());
        }));
        kept.remove(actorUri);
    }

    /**
     * Stores a remote actor document (from a fetch or an authenticated Update). An actor that deleted itself stays as
     * it was: the stored row is returned unchanged, still deleted.
     */
    public ActorEntity store(Actor actor) {
        for (int attempt = 1; ; attempt++) {
            try {
                ActorEntity stored = db.inTransaction(s -> upsert(s, actor));
                kept.remove(actor.id()); // after the commit: a read that raced with it may have kept the old row
                return stored;
            } catch (RuntimeException e) {
                if (attempt == STORE_ATTEMPTS || !KeyViolation.was(e)) {
                    throw e;
                }
                // Another transaction inserted this actor between our look-up and our insert: update its row.
                LOG.fine(() -> "Actor " + actor.id() + " was stored concurrently; updating that row");
            }
        }
    }

    ActorEntity upsert(Session s, Actor actor) {
        if (actor.inbox() == null || actor.publicKey() == null) {
            throw new IllegalArgumentException("Actor " + actor.id() + " has no inbox or no public key");
        }
        if (urls.isLocal(actor.id())) {
            throw new IllegalArgumentException("A remote document claims a local id: " + actor.id());
        }
        URI id = URI.create(actor.id());
        String domain = DomainNames.hostAndPort(id);
        ActorKind kind = ActorKind.fromWireType(actor.type().wireName()).orElse(ActorKind.PERSON);
        // Shown as the handle beside the name: held to a name's rules too (Mastodon's are ASCII letters, digits and
        // underscores, which these leave as they are; another server's may carry an override or an invisible space).
        String username = actor.preferredUsername() == null ? "" : RemoteTexts.name(actor.preferredUsername());
        ActorEntity entity = ActorRepository.byUri(s, actor.id())
                .orElseGet(() -> new ActorEntity(actor.id(), kind, false, username, domain, clock.instant()));
        if (entity.isDeleted()) {
            // Its own Delete is final for its id, as Mastodon treats it: a server may go on answering 200 for a while
            // (or a stale key fetch reaches a cache), and a revived actor deleted again would have its departure,
            // and the notifications about it, run twice. What the document says now is not taken.
            return entity;
        }
        entity.setKind(kind);
        entity.setUsername(truncate(username, 190));
        // Shown beside our members' names, on pages and in notifications: held to what a name typed here may hold.
        String name = RemoteTexts.name(truncate(actor.name(), 500));
        name = name == null || name.isBlank() ? RemoteTexts.name(truncate(username, 500)) : name;
        entity.setDisplayName(truncate(name, 500)); // closing its isolates may have added a character or two
        entity.setSummary(actor.summary() == null ? null : RemoteTexts.html(actor.summary()));
        entity.setInbox(actor.inbox());
        entity.setSharedInbox(actor.sharedInbox());
        entity.setProfileUrl(actor.url());
        entity.setKey(actor.publicKey().id(), actor.publicKey().publicKeyPem());
        entity.setManuallyApproves(actor.manuallyApprovesFollowers());
        entity.setDiscoverable(actor.discoverable());
        entity.setFetchedAt(clock.instant());
        if (entity.getId() == null) {
            s.persist(entity);
        }
        return entity;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
