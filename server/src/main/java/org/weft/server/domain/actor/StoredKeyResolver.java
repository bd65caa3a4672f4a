package org.weft.server.domain.actor;

import java.io.IOException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.weft.activitypub.client.FetchException;
import org.weft.activitypub.client.KeyDocumentResolver;
import org.weft.activitypub.jsonld.MalformedActivityException;
import org.weft.activitypub.signature.ActorKey;
import org.weft.activitypub.signature.KeyResolver;
import org.weft.activitypub.signature.RsaKeys;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;

/**
 * Finds the key behind a signature's keyId: the database first, so known senders cost no fetch; then
 * the actor the keyId points into (one fetch for Mastodon-style {@code actor#main-key} ids); then a
 * separate key document whose owner points back (GoToSocial's {@code …/main-key}). Whatever was
 * fetched is stored, so the next request from that actor costs nothing.
 *
 * <p>One network look-up per keyId at a time: the first requests of a new sender arrive together, and the
 * others wait for the first one's fetch. Each look-up starts by reading the database again, so a request
 * that looked just before another one stored the key does not fetch it a second time.
 */
public final class StoredKeyResolver implements KeyResolver {
    private final Database db;
    private final KeyDocumentResolver keyDocuments;
    private final RemoteActors remoteActors;
    private final LocalUrls urls;
    /** Parsed keys by PEM: parsing is cheap but not free, and a busy inbox sees the same few keys. */
    private final Map<String, PublicKey> parsed = new ConcurrentHashMap<>();
    /** Keys by keyId, so a busy inbox does not open a transaction per request to find the same few keys. */
    private final Map<String, CachedKey> recent = new ConcurrentHashMap<>();
    private static final Duration KEEP = Duration.ofMinutes(10);
    private static final int MAX_CACHED = 10_000;

    private final SingleFlight<String, Optional<ActorKey>> lookups = new SingleFlight<>();

    private record CachedKey(ActorKey key, long expiresAtNanos) {
    }

    public StoredKeyResolver(Database db, KeyDocumentResolver keyDocuments, RemoteActors remoteActors, LocalUrls urls) {
        this.db = db;
        this.keyDocuments = keyDocuments;
        this.remoteActors = remoteActors;
        this.urls = urls;
    }

    @Override
    public Optional<ActorKey> resolve(String keyId, boolean forceRefresh) throws IOException {
        CachedKey cached = recent.get(keyId);
        if (!forceRefresh && cached != null && cached.expiresAtNanos() - System.nanoTime() > 0) {
            return Optional.of(cached.key());
        }
        Optional<ActorEntity> known = db.inTransaction(s -> ActorRepository.byKeyId(s, keyId));
        if (known.isPresent() && known.get().isDeleted()) {
            // Its own Delete was final (below): fetching its document again, on every request it signs, would change
            // nothing but cost a request to its server each time.
            return Optional.empty();
        }
        if (known.isPresent()) {
            ActorKey stored = toKey(known.get());
            // On a refresh, a stored key that differs from the one that just failed came with an Update: use it as is.
            if (!forceRefresh || cached == null || !cached.key().publicKey().equals(stored.publicKey())) {
                return Optional.of(remember(stored));
            }
        }
        if (urls.isLocal(keyId)) {
            // Our own actors are never fetched over the network; an unknown local key id is simply unknown.
            return Optional.empty();
        }
        PublicKey failed = forceRefresh && cached != null ? cached.key().publicKey() : null;
        return lookups.run(keyId, () -> resolveRemotely(keyId, forceRefresh, failed));
    }

    /**
     * @param failed on a refresh, the key that just failed (a different stored one is taken as is), else null
     */
    private Optional<ActorKey> resolveRemotely(String keyId, boolean forceRefresh, PublicKey failed) throws IOException {
        Optional<ActorEntity> storedMeanwhile = db.inTransaction(s -> ActorRepository.byKeyId(s, keyId))
                .filter(a -> !a.isDeleted());
        if (storedMeanwhile.isPresent()) {
            ActorKey stored = toKey(storedMeanwhile.get());
            if (!forceRefresh || !stored.publicKey().equals(failed)) {
                return Optional.of(remember(stored));
            }
        }
        Optional<ActorEntity> owner;
        try {
            owner = actorAt(stripFragment(keyId)).filter(a -> keyId.equals(a.getKeyId()));
        } catch (FetchException e) {
            if (e.reason() == FetchException.Reason.FORBIDDEN_ADDRESS || e.reason() == FetchException.Reason.INVALID_URI) {
                // A key URL that may not be fetched (or redirects to one) is no key; a key document there is no better.
                return Optional.empty();
            }
            throw e;
        }
        if (owner.isEmpty()) {
            Optional<ActorKey> key = keyDocuments.resolve(keyId, forceRefresh);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            owner = Optional.of(remoteActors.fetch(key.get().ownerId())).filter(a -> keyId.equals(a.getKeyId()));
        }
        // An actor that deleted itself stays deleted however its server answers now: its key signs nothing here.
        owner = owner.filter(a -> !a.isDeleted());
        return owner.isEmpty() ? Optional.empty() : Optional.of(remember(toKey(owner.get())));
    }

    /**
     * Forgets the keys kept for this actor: it changed, on this node or another (the change feed calls this), and its
     * key may be a new one. The next request with its key id looks in the database again.
     */
    public void forget(String actorUri) {
        recent.values().removeIf(cached -> actorUri.equals(cached.key().ownerId()));
    }

    private ActorKey remember(ActorKey key) {
        if (recent.size() > MAX_CACHED) {
            recent.clear();
        }
        recent.put(key.keyId(), new CachedKey(key, System.nanoTime() + KEEP.toNanos()));
        return key;
    }

    /** The actor document at a URL, stored; empty when the URL is not an actor. */
    private Optional<ActorEntity> actorAt(String uri) throws IOException {
        try {
            return Optional.of(remoteActors.fetch(uri));
        } catch (FetchException e) {
            if (e.status() == 404 || e.isGone() || e.reason() == FetchException.Reason.ID_MISMATCH) {
                return Optional.empty();
            }
            throw e;
        } catch (MalformedActivityException | IllegalArgumentException e) {
            return Optional.empty(); // a key document or something else that is not an actor
        }
    }

    private static String stripFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
    }

    private ActorKey toKey(ActorEntity actor) throws IOException {
        try {
            PublicKey key = parsed.get(actor.getPublicKeyPem());
            if (key == null) {
                key = RsaKeys.publicKeyFromPem(actor.getPublicKeyPem());
                if (parsed.size() > 10_000) {
                    parsed.clear();
                }
                parsed.put(actor.getPublicKeyPem(), key);
            }
            return new ActorKey(actor.getKeyId(), actor.getUri(), key);
        } catch (InvalidKeySpecException | IllegalArgumentException e) {
            throw new IOException("Stored key of " + actor.getUri() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
