package org.weft.server.queue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.transaction.Synchronization;
import org.hibernate.Session;
import org.weft.activitypub.delivery.InboxPlanner;
import org.weft.activitypub.delivery.Recipient;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.activitypub.vocab.Activity;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.OutboundActivityEntity;

/**
 * Sends activities: in the caller's transaction it stores the activity (serialised once) and one
 * delivery row per target inbox — one per shared inbox, local inboxes dropped — and wakes the
 * delivery worker once the transaction has committed.
 */
public final class Outbox {
    private final LocalUrls urls;
    private final JsonLdCodec codec;
    private final Clock clock;
    private final Runnable wakeWorker;

    /** An outbox whose rows wait for a delivery worker's next poll (an operator command's: the server sends them). */
    public Outbox(LocalUrls urls, JsonLdCodec codec, Clock clock) {
        this(urls, codec, clock, null);
    }

    /** {@code wakeWorker} tells the delivery worker that rows are due, after each commit that queued some. */
    public Outbox(LocalUrls urls, JsonLdCodec codec, Clock clock, Runnable wakeWorker) {
        this.urls = urls;
        this.codec = codec;
        this.clock = clock;
        this.wakeWorker = wakeWorker;
    }

    public String newActivityId() {
        return urls.activity(UUID.randomUUID().toString());
    }

    /**
     * Queues {@code activity} from {@code sender} to every remote actor in {@code recipients}.
     * {@code isPublic} decides whether it shows in the sender's outbox.
     */
    public OutboundActivityEntity send(Session session, ActorEntity sender, Activity activity,
                                       Collection<ActorEntity> recipients, boolean isPublic) {
        String body = new String(codec.write(activity.toJson()), StandardCharsets.UTF_8);
        OutboundActivityEntity stored = new OutboundActivityEntity(activity.id(), sender, activity.type(),
                objectUri(activity), body, isPublic, clock.instant());
        session.persist(stored);
        List<Recipient> targets = recipients.stream()
                .filter(r -> !r.isLocal() && !r.isDeleted())
                .map(r -> new Recipient(URI.create(r.getUri()), URI.create(r.getInbox()),
                        r.getSharedInbox() == null ? null : URI.create(r.getSharedInbox())))
                .toList();
        List<URI> inboxes = InboxPlanner.plan(targets, urls::isLocal);
        DeliveryQueue.enqueue(session, stored, inboxes, clock.instant());
        wakeWorkerAfterCommit(session);
        return stored;
    }

    /** What the activity is about, kept beside it so the outbox can ask whether that still exists. */
    static String objectUri(Activity activity) {
        String id = activity.object() == null ? null : activity.object().id();
        return id != null && id.length() <= OutboundActivityEntity.MAX_OBJECT_URI ? id : null;
    }

    private void wakeWorkerAfterCommit(Session session) {
        if (wakeWorker == null) {
            return;
        }
        session.getTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                wakeWorker.run();
            }
        });
    }
}
