package org.weft.server.domain.proposal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.hibernate.Session;
import org.weft.activitypub.vocab.Activities;
import org.weft.activitypub.vocab.Activity;
import org.weft.activitypub.vocab.Tombstone;
import org.weft.activitypub.vocab.Vocab;
import org.weft.server.model.Audience;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.AccountBlockRepository;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.queue.Outbox;

/**
 * Sends a local proposal's life to the fediverse: {@code Create} from whoever it is attributed to,
 * and for member-attributed posts the community's {@code Announce} of the Note's URI (what Mastodon
 * can show as a boost); {@code Update} on every change; {@code Delete} with a Tombstone at the end.
 * Updates and deletes go to everyone who may hold a copy: the author's and the community's followers, and the parties
 * to its agreements ({@link #parties}), who hold one whatever the follows are now. A community-only proposal reaches
 * only the community's approved followers and those parties, server by server ({@link #perServer}).
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
        if (p.getAudience() == Audience.COMMUNITY) {
            perServer(s, p, List.of(),
                    (id, note, readers) -> Activities.create(id, p.getAttributedTo().getUri(), note));
            return;
        }
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
        if (p.getAudience() == Audience.COMMUNITY) {
            perServer(s, p, parties(s, p),
                    (id, note, readers) -> Activities.update(id, p.getAttributedTo().getUri(), note));
            return;
        }
        ActorEntity sender = p.getAttributedTo();
        Activity update = Activities.update(outbox.newActivityId(), sender.getUri(), wire.toWire(p).toJson());
        outbox.send(s, sender, update, everyoneWithACopy(s, p), isPublic(p));
    }

    @Override
    public void deleted(Session s, ProposalEntity p) {
        ActorEntity sender = p.getAttributedTo();
        Tombstone tombstone = Tombstone.of(p.getUri(), "Note", p.getDeletedAt() != null ? p.getDeletedAt() : p.getUpdatedAt());
        if (p.getAudience() == Audience.COMMUNITY) {
            perServer(s, p, parties(s, p),
                    (id, note, readers) -> Activities.delete(id, sender.getUri(), tombstone, readers, List.of()));
            return;
        }
        Activity delete = Activities.delete(outbox.newActivityId(), sender.getUri(), tombstone,
                wire.to(p, List.of()), wire.cc(p));
        outbox.send(s, sender, delete, everyoneWithACopy(s, p), isPublic(p));
    }

    /** Builds one activity for one server's copy: its id, the Note addressed to that server's readers, the readers. */
    @FunctionalInterface
    private interface PerServer {
        Activity make(String activityId, JsonNode note, List<String> readers);
    }

    /**
     * A community-only proposal goes only to the community's approved followers and to {@code parties} (who read it
     * already), one activity per server, each naming only that server's readers ({@code to}): no server learns who
     * follows elsewhere, and none can pass it to followers nobody approved (see
     * {@link ProposalWire#toWire(ProposalEntity, List)}).
     */
    private void perServer(Session s, ProposalEntity p, List<ActorEntity> parties, PerServer make) {
        ActorEntity group = p.getGroup();
        Map<String, List<ActorEntity>> byServer = new LinkedHashMap<>();
        Map<Long, ActorEntity> readersById = new LinkedHashMap<>();
        FollowRepository.approvedFollowerActors(s, group).forEach(a -> readersById.put(a.getId(), a));
        parties.forEach(a -> readersById.putIfAbsent(a.getId(), a));
        for (ActorEntity reader : readersById.values()) {
            if (!reader.isLocal() && !reader.isDeleted()) {
                byServer.computeIfAbsent(reader.getDomain(), d -> new ArrayList<>()).add(reader);
            }
        }
        for (List<ActorEntity> readers : byServer.values()) {
            List<String> uris = readers.stream().map(ActorEntity::getUri).toList();
            outbox.send(s, group, make.make(outbox.newActivityId(), wire.toWire(p, uris).toJson(), uris), readers, false);
        }
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
        parties(s, p).forEach(a -> recipients.putIfAbsent(a.getId(), a));
        return new ArrayList<>(recipients.values());
    }

    /**
     * The accounts of other servers whose agreement Offer (FEP-0837) still stands, accepted or waiting for a decision:
     * an agreement makes them part of the proposal's life whatever the follows, so that their server, which holds the
     * copy they answered, hears of its changes and of its end after its community stopped following ours (an unlink)
     * and tells them. Not one its author or community blocked since: nothing of theirs is taken here any more, and
     * their conversation is closed. Those declined are done with it.
     */
    private static List<ActorEntity> parties(Session s, ProposalEntity p) {
        List<Long> blockers = Arrays.asList(p.getAuthor() == null ? null : p.getAuthor().getId(),
                p.getGroup() == null ? null : p.getGroup().getId());
        return ResponseRepository.standingRemoteParties(s, p).stream()
                .filter(party -> !AccountBlockRepository.anyBlocks(s, blockers, party.getId())).toList();
    }
}
