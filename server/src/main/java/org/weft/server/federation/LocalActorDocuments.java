package org.weft.server.federation;

import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.hibernate.Session;
import org.weft.server.domain.actor.ActorRenderer;
import org.weft.server.http.HttpReplies;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;

/**
 * The actor documents and WebFinger answers of this instance's own actors, rendered once and kept in memory, so that
 * the GETs other servers make most (WebFinger, then the actor) need no database.
 *
 * <ul>
 *   <li><b>Fresh.</b> Every commit that inserts, updates or deletes a local actor drops that actor's entries
 *   ({@link Database#onLocalActorCommit}, which sees every write through Hibernate in this process), so the next GET
 *   after an edit or a deletion renders it again. A load that raced with such a commit is not kept. An edit made by another
 *   node sharing the database reaches {@link #invalidate} through the change feed within a second; entries are also
 *   reloaded after {@link #MAX_AGE}, in case a node fell behind on the feed.</li>
 *   <li><b>Bounded.</b> Only actors that exist are kept, deleted ones included (they answer 410); a name that does not
 *   exist is looked up in the database each time and never stored, so lookups of made-up names cannot fill memory,
 *   and an actor created by an operator command in another process is found at once. At most {@code capacity}
 *   entries are kept; beyond it an arbitrary one makes room.</li>
 * </ul>
 */
public final class LocalActorDocuments {
    /** Entries at most; one actor usually takes one (its name), two when it is also looked up by URL. */
    public static final int DEFAULT_CAPACITY = 1024;
    /** How long an entry is served before it is loaded again, whatever happened. */
    public static final Duration MAX_AGE = Duration.ofSeconds(30);
    private static final String INSTANCE_KEY = "instance";

    /**
     * One local actor as served: its documents as bytes, or none when it is deleted.
     *
     * @param activityJson the actor document ({@code application/activity+json}); null when deleted
     * @param jrd          the WebFinger answer ({@code application/jrd+json}); null when deleted
     */
    public record Document(String uri, ActorKind kind, boolean deleted, byte[] activityJson, byte[] jrd, long loadedAt) {
    }

    private final Database db;
    private final ActorRenderer renderer;
    private final int capacity;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Document> entries = new ConcurrentHashMap<>();
    /** Counts invalidations; a load that saw it change while it ran is not kept. */
    private final AtomicLong generation = new AtomicLong();

    public LocalActorDocuments(Database db, ActorRenderer renderer) {
        this(db, renderer, DEFAULT_CAPACITY, MAX_AGE, System::nanoTime);
    }

    LocalActorDocuments(Database db, ActorRenderer renderer, int capacity, Duration maxAge, LongSupplier nanoTime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.db = db;
        this.renderer = renderer;
        this.capacity = capacity;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
        db.onLocalActorCommit(this::invalidate);
    }

    /** A local member or community by username (one namespace for both; case does not matter). */
    public Optional<Document> byUsername(String username) {
        String name = username.toLowerCase(Locale.ROOT);
        return get("name:" + name, s -> ActorRepository.localByUsername(s, name));
    }

    /** The instance actor (Application). */
    public Optional<Document> instanceActor() {
        return get(INSTANCE_KEY, ActorRepository::instanceActor);
    }

    /** A local actor by its exact id. */
    public Optional<Document> byUri(String uri) {
        return get("uri:" + uri, s -> ActorRepository.byUri(s, uri));
    }

    /** Drops every entry of the actor with this uri; the next request loads it again. */
    public void invalidate(String uri) {
        generation.incrementAndGet();
        entries.values().removeIf(d -> d.uri().equals(uri));
    }

    /** How many entries are kept now. */
    public int size() {
        return entries.size();
    }

    private Optional<Document> get(String key, Function<Session, Optional<ActorEntity>> find) {
        Document cached = entries.get(key);
        if (cached != null && nanoTime.getAsLong() - cached.loadedAt() < maxAgeNanos) {
            return Optional.of(cached);
        }
        long seen = generation.get();
        Optional<Document> loaded = db.inTransaction(s -> find.apply(s).filter(ActorEntity::isLocal).map(this::render));
        if (loaded.isEmpty()) {
            entries.remove(key, cached); // gone without a trace (never happens through Weft, but rows can be removed)
            return loaded;
        }
        keep(key, loaded.get(), seen);
        return loaded;
    }

    private Document render(ActorEntity actor) {
        long now = nanoTime.getAsLong();
        if (actor.isDeleted()) {
            return new Document(actor.getUri(), actor.getKind(), true, null, null, now);
        }
        return new Document(actor.getUri(), actor.getKind(), false, HttpReplies.bytes(renderer.toWire(actor).toJson()),
                HttpReplies.bytes(renderer.toJrd(actor).toJson()), now);
    }

    private void keep(String key, Document document, long seen) {
        synchronized (entries) {
            Iterator<String> keys = entries.keySet().iterator();
            while (entries.size() >= capacity && !entries.containsKey(key) && keys.hasNext()) {
                keys.next();
                keys.remove();
            }
            entries.put(key, document);
        }
        if (generation.get() != seen) {
            // An actor changed while this was loaded: the document may predate that commit, so do not serve it again.
            entries.remove(key, document);
        }
    }
}
