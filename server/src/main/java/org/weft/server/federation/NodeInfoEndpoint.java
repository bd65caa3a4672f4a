package org.weft.server.federation;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.nodeinfo.NodeInfo;
import org.weft.activitypub.nodeinfo.NodeInfoLinks;
import org.weft.activitypub.nodeinfo.NodeInfoVersion;
import org.weft.server.http.HttpReplies;
import org.weft.server.model.ActorKind;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalRepository;

/**
 * NodeInfo 2.0 and 2.1 ({@code software.name} = weft) and the {@code /.well-known/nodeinfo} index,
 * which also names the instance actor (FEP-2677). The documents are read from the database at most once a minute, and
 * again as soon as a local actor is created, changed or deleted in this process (the member count and the list of
 * communities; the count of posts may lag by the minute, as Mastodon's does).
 */
public final class NodeInfoEndpoint implements HttpService {
    /** How long the counts may lag behind (Mastodon keeps its NodeInfo for about as long). */
    static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final Database db;
    private final LocalUrls urls;
    private final String version;
    private final boolean openRegistrations;
    private final LongSupplier nanoTime = System::nanoTime;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Snapshot> kept = new AtomicReference<>();

    /** @param openRegistrations whether anyone may sign up without an invite ({@code WEFT_SIGNUP=open}) */
    public NodeInfoEndpoint(Database db, LocalUrls urls, String version, boolean openRegistrations) {
        this.db = db;
        this.urls = urls;
        this.version = version;
        this.openRegistrations = openRegistrations;
        db.onLocalActorCommit(uri -> invalidate());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/.well-known/nodeinfo", this::index)
                .get("/nodeinfo/2.0", (req, res) -> document(res, NodeInfoVersion.V2_0))
                .get("/nodeinfo/2.1", (req, res) -> document(res, NodeInfoVersion.V2_1));
    }

    private void index(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        HttpReplies.json(res, Status.OK_200, "application/json",
                NodeInfoLinks.forOrigin(urls.base(), urls.base() + LocalUrls.INSTANCE_ACTOR_PATH));
    }

    private void document(ServerResponse res, NodeInfoVersion nodeInfoVersion) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        HttpReplies.json(res, Status.OK_200, nodeInfoVersion.mediaType(), current().bytes(nodeInfoVersion));
    }

    /**
     * Drops the kept document: a local actor (a member or a community) was created, changed or deleted, here or on
     * another node (then the change feed calls it).
     */
    public void invalidate() {
        generation.incrementAndGet();
        kept.set(null);
    }

    private Snapshot current() {
        Snapshot snapshot = kept.get();
        if (snapshot != null && nanoTime.getAsLong() - snapshot.loadedAt() < MAX_AGE.toNanos()) {
            return snapshot;
        }
        long seen = generation.get();
        Snapshot loaded = load();
        kept.set(loaded);
        if (generation.get() != seen) {
            kept.compareAndSet(loaded, null); // a local actor changed while this was read: read again next time
        }
        return loaded;
    }

    private Snapshot load() {
        NodeInfo info = db.inTransaction(s -> {
            long members = ActorRepository.countLocal(s, ActorKind.PERSON);
            long posts = ProposalRepository.countLocalShown(s);
            NodeInfo.Builder b = NodeInfo.weft(version)
                    .nodeName(urls.domain())
                    .openRegistrations(openRegistrations)
                    .usage(new NodeInfo.Usage(members, members, members, posts))
                    .taxonomyVersion("1");
            ActorRepository.localGroups(s).forEach(g -> b.group(new NodeInfo.Group(g.getUri(), g.getUsername())));
            return b.build();
        });
        Map<NodeInfoVersion, byte[]> bytes = new EnumMap<>(NodeInfoVersion.class);
        for (NodeInfoVersion v : NodeInfoVersion.values()) {
            bytes.put(v, HttpReplies.bytes(info.toJson(v)));
        }
        return new Snapshot(bytes, nanoTime.getAsLong());
    }

    /** Both documents, serialised, and when they were read. */
    private record Snapshot(Map<NodeInfoVersion, byte[]> documents, long loadedAt) {
        byte[] bytes(NodeInfoVersion version) {
            return documents.get(version);
        }
    }
}
