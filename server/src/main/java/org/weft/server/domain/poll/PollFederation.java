package org.weft.server.domain.poll;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hibernate.Session;
import org.weft.activitypub.vocab.Activities;
import org.weft.activitypub.vocab.Activity;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.PollEntity;
import org.weft.server.queue.Outbox;

/**
 * Sends a poll to the community's followers through the delivery queue: {@code Create(Question)} when it opens,
 * {@code Update(Question)} with the new counts (coalesced by {@link PollService}), and a last {@code Update} with
 * {@code closed} when it is final. From the community actor, which is what a Mastodon user follows.
 */
public final class PollFederation {
    private final PollWire wire;
    private final Outbox outbox;

    public PollFederation(PollWire wire, Outbox outbox) {
        this.wire = wire;
        this.outbox = outbox;
    }

    void opened(Session s, PollEntity poll, PollResults results) {
        send(s, poll, Activities.create(outbox.newActivityId(), poll.getCommunity().getUri(), question(poll, results)));
    }

    void updated(Session s, PollEntity poll, PollResults results) {
        send(s, poll, Activities.update(outbox.newActivityId(), poll.getCommunity().getUri(), question(poll, results)));
    }

    ObjectNode question(PollEntity poll, PollResults results) {
        return wire.toWire(results, poll.getCommunity().getUri(), poll.getCreatedAt());
    }

    private void send(Session s, PollEntity poll, Activity activity) {
        ActorEntity community = poll.getCommunity();
        outbox.send(s, community, activity, FollowRepository.acceptedFollowerActors(s, community), true);
    }
}
