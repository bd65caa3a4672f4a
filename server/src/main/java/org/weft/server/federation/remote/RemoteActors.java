package org.weft.server.federation.remote;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import org.hibernate.Session;
import org.weft.activitypub.client.ActivityPubClient;
import org.weft.activitypub.vocab.Actor;
import org.weft.server.domain.ActorRepository;
import org.weft.server.domain.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorKind;
import org.weft.server.persistence.Database;

/**
 * Actors on other servers: fetched (signed, through the address guard) the first time they are
 * needed, stored, and refreshed when their key stops working or they send an Update.
 */
public final class RemoteActors {
    private final Database db;
    private final ActivityPubClient client;
    private final LocalUrls urls;
    private final Clock clock;

    public RemoteActors(Database db, ActivityPubClient client, LocalUrls urls, Clock clock) {
        this.db = db;
        this.client = client;
        this.urls = urls;
        this.clock = clock;
    }

    /** The stored actor, or a fresh fetch when unknown. */
    public ActorEntity resolve(String actorUri) throws IOException {
        Optional<ActorEntity> known = db.inTransaction(s -> ActorRepository.byUri(s, actorUri));
        if (known.isPresent()) {
            return known.get();
        }
        return fetch(actorUri);
    }

    /** Fetches the actor document again and stores what it says now. */
    public ActorEntity fetch(String actorUri) throws IOException {
        if (urls.isLocal(actorUri)) {
            throw new IOException("Refusing to fetch a local actor as remote: " + actorUri);
        }
        Actor actor = Actor.fromJson(client.fetchObject(URI.create(actorUri)));
        return store(actor);
    }

    /** Stores a remote actor document (from a fetch or an authenticated Update). */
    public ActorEntity store(Actor actor) {
        return db.inTransaction(s -> upsert(s, actor));
    }

    ActorEntity upsert(Session s, Actor actor) {
        if (actor.inbox() == null || actor.publicKey() == null) {
            throw new IllegalArgumentException("Actor " + actor.id() + " has no inbox or no public key");
        }
        if (urls.isLocal(actor.id())) {
            throw new IllegalArgumentException("A remote document claims a local id: " + actor.id());
        }
        URI id = URI.create(actor.id());
        String domain = id.getPort() == -1 ? id.getHost() : id.getHost() + ":" + id.getPort();
        ActorKind kind = ActorKind.fromWireType(actor.type().wireName()).orElse(ActorKind.PERSON);
        String username = actor.preferredUsername() == null ? "" : actor.preferredUsername();
        ActorEntity entity = ActorRepository.byUri(s, actor.id())
                .orElseGet(() -> new ActorEntity(actor.id(), kind, false, username, domain, clock.instant()));
        entity.setKind(kind);
        entity.setUsername(truncate(username, 190));
        entity.setDisplayName(truncate(actor.name() == null || actor.name().isBlank() ? username : actor.name(), 500));
        entity.setSummary(actor.summary());
        entity.setInbox(actor.inbox());
        entity.setSharedInbox(actor.sharedInbox());
        entity.setProfileUrl(actor.url());
        entity.setKey(actor.publicKey().id(), actor.publicKey().publicKeyPem());
        entity.setManuallyApproves(actor.manuallyApprovesFollowers());
        entity.setDiscoverable(actor.discoverable());
        entity.setFetchedAt(clock.instant());
        entity.setDeletedAt(null);
        if (entity.getId() == null) {
            s.persist(entity);
        }
        return entity;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
