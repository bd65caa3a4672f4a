package org.weft.server.domain.proposal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.Session;
import org.weft.activitypub.vocab.Activities;
import org.weft.activitypub.vocab.Activity;
import org.weft.activitypub.vocab.Tombstone;
import org.weft.activitypub.vocab.Vocab;
import org.weft.server.model.Audience;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.queue.Outbox;

/**
 * Sends a local proposal's life to the fediverse: {@code Create} from whoever it is attributed to,
 * and for member-attributed posts the community's {@code Announce} of the Note's URI (what Mastodon
 * can show as a boost); {@code Update} on every change; {@code Delete} with a Tombstone at the end.
 * Updates and deletes go to everyone who may hold a copy: the author's and the community's followers.
 */
public final class ProposalFederation implements ProposalPublisher {
    private final ProposalWire wire;
    private final Outbox outbox;
    private final LocalUrls urls;

    public ProposalFederation(ProposalWire wire, Outbox outbox, LocalUrls urls) {
        this.wire = wire;
        this.outbox = outbox;
        this.urls = urls;
    }

    @Override
    public void published(Session s, ProposalEntity p) {
        ActorEntity sender = p.getAttributedTo();
        Activity create = Activities.create(outbox.newActivityId(), sender.getUri(), wire.toWire(p).toJson());
        outbox.send(s, sender, create, FollowRepository.acceptedFollowerActors(s, sender), isPublic(p));
        if (p.getAudience() == Audience.PUBLIC && p.getGroup() != null) {
            ActorEntity group = p.getGroup();
            Activity announce = Activities.announce(outbox.newActivityId(), group.getUri(), p.getUri(),
                    List.of(Vocab.PUBLIC), List.of(urls.followers(group.getUri()), sender.getUri()));
            outbox.send(s, group, announce, FollowRepository.acceptedFollowerActors(s, group), true);
        }
    }

    @Override
    public void updated(Session s, ProposalEntity p) {
        ActorEntity sender = p.getAttributedTo();
        Activity update = Activities.update(outbox.newActivityId(), sender.getUri(), wire.toWire(p).toJson());
        outbox.send(s, sender, update, everyoneWithACopy(s, p), isPublic(p));
    }

    @Override
    public void deleted(Session s, ProposalEntity p) {
        ActorEntity sender = p.getAttributedTo();
        Activity delete = Activities.delete(outbox.newActivityId(), sender.getUri(),
                Tombstone.of(p.getUri(), "Note", p.getDeletedAt() != null ? p.getDeletedAt() : p.getUpdatedAt()),
                wire.to(p), wire.cc(p));
        outbox.send(s, sender, delete, everyoneWithACopy(s, p), isPublic(p));
    }

    private static boolean isPublic(ProposalEntity p) {
        return p.getAudience() != Audience.COMMUNITY;
    }

    private static List<ActorEntity> everyoneWithACopy(Session s, ProposalEntity p) {
        Map<Long, ActorEntity> recipients = new LinkedHashMap<>();
        FollowRepository.acceptedFollowerActors(s, p.getAttributedTo()).forEach(a -> recipients.put(a.getId(), a));
        if (p.getGroup() != null && p.getAudience() == Audience.PUBLIC) {
            FollowRepository.acceptedFollowerActors(s, p.getGroup()).forEach(a -> recipients.putIfAbsent(a.getId(), a));
        }
        return new ArrayList<>(recipients.values());
    }
}
