package org.weft.server.domain.actor;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hibernate.Session;
import org.weft.activitypub.vocab.Activities;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.MessageRepository;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.queue.Outbox;

/**
 * Tells other servers that a member deleted their account, as Mastodon does: one {@code Delete} whose object is the
 * actor itself, from the actor, to every server that knows it: its followers', those of the actors it follows, and
 * those of the people it had a conversation with (answers to its proposals, the proposals elsewhere it answered, the
 * direct messages it received). The outbox sends it once per server (shared inbox). Each server then removes what the
 * member left there and tells its own people (another Weft instance: the authors whose proposal was promised to them).
 *
 * <p>It is signed with the member's own key, which receivers already hold: the actor's document answers 410 from now
 * on, so they could not fetch it. The key stays on the account row, which is kept (marked deleted) and never signs
 * anything else, so deliveries retried for days still sign with it.
 */
public final class ActorDeletes {
    private final Outbox outbox;

    public ActorDeletes(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Queues the Delete in the transaction that marks {@code member} deleted, so both happen or neither does. */
    public void deleted(Session s, ActorEntity member) {
        Map<Long, ActorEntity> knowing = new LinkedHashMap<>();
        FollowRepository.acceptedFollowerActors(s, member).forEach(a -> knowing.putIfAbsent(a.getId(), a));
        FollowRepository.followeeActors(s, member).forEach(a -> knowing.putIfAbsent(a.getId(), a));
        ResponseRepository.remoteCounterparts(s, member).forEach(a -> knowing.putIfAbsent(a.getId(), a));
        MessageRepository.remoteSendersTo(s, member.getId()).forEach(a -> knowing.putIfAbsent(a.getId(), a));
        if (knowing.values().stream().allMatch(ActorEntity::isLocal)) {
            return; // nobody elsewhere knew it
        }
        // Not listed in the outbox (which answers 410 now anyway): the account's end is not a post.
        outbox.send(s, member, Activities.delete(outbox.newActivityId(), member.getUri(), member.getUri()),
                knowing.values(), false);
    }
}
