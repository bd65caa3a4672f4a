package org.weft.server.domain.proposal;

import java.util.List;

import org.hibernate.Session;
import org.weft.activitypub.vocab.Activities;
import org.weft.activitypub.vocab.Vocab;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.queue.Outbox;

/**
 * A community boosting a post onto its followers' timelines (FEP-1b12): an {@code Announce} of the
 * post's URI, which is what Mastodon can show.
 */
public final class CommunityBoosts {
    private final Outbox outbox;
    private final LocalUrls urls;

    public CommunityBoosts(Outbox outbox, LocalUrls urls) {
        this.outbox = outbox;
        this.urls = urls;
    }

    public void boost(Session s, ActorEntity community, String postId) {
        outbox.send(s, community, Activities.announce(outbox.newActivityId(), community.getUri(), postId,
                        List.of(Vocab.PUBLIC), List.of(urls.followers(community.getUri()))),
                FollowRepository.acceptedFollowerActors(s, community), true);
    }
}
