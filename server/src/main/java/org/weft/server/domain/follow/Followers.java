package org.weft.server.domain.follow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hibernate.Session;
import org.weft.activitypub.vocab.Activities;
import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.actor.ActorUpdates;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.queue.Outbox;

/**
 * A local actor's followers, as whoever decides for it sees them, and the decisions: whether follows wait for
 * approval ({@code manuallyApprovesFollowers}), approving, rejecting a waiting follower, removing one. For a community
 * a moderator decides (the caller checks who asks: {@code domain.moderation.CommunityFollowers}); for a member, the
 * member. Approving a waiting follow sends {@code Accept}; rejecting or removing sends {@code Reject} of the follow,
 * as Mastodon does when it removes a follower, and deletes it, so nothing is delivered to that follower afterwards.
 */
public final class Followers {
    private final Database db;
    private final Outbox outbox;
    private final ActorUpdates updates;
    private final Clock clock;

    public Followers(Database db, Outbox outbox, ActorUpdates updates, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.updates = updates;
        this.clock = clock;
    }

    /** The followers of a local community or member: waiting ones first, then the others, newest first in each. */
    public List<Follower> list(String localName) {
        return db.inTransaction(s -> {
            ActorEntity followee = followee(s, localName);
            // Two queries whatever the number of followers: the follows, and whom the followee itself follows.
            Set<Long> followedBack = FollowRepository.followeeIdsOf(s, followee);
            List<Follower> result = new ArrayList<>();
            for (FollowEntity f : FollowRepository.followersOf(s, followee, null, 0, Integer.MAX_VALUE)) {
                ActorEntity a = f.getFollower();
                boolean linked = followee.getKind() == ActorKind.GROUP && followedBack.contains(a.getId());
                result.add(new Follower(a.getUri(), "@" + a.getUsername() + "@" + a.getDomain(), a.getDisplayName(),
                        !f.isAccepted(), f.isAccepted() && (f.isApprovedExplicitly() || linked), linked, f.getCreatedAt()));
            }
            result.sort(Comparator.comparing((Follower x) -> !x.waiting()));
            return result;
        });
    }

    public boolean requiresApproval(String localName) {
        return db.inTransaction(s -> followee(s, localName).isManuallyApproves());
    }

    /**
     * Whether new follows wait for approval. Followers the actor has keep following either way (a community's keep
     * what approval they had); when approval is turned off, the waiting ones are accepted, as Mastodon does when an
     * account is unlocked. The actor's followers get an {@code Update} so their servers show the change.
     */
    public void requireApproval(String localName, boolean required) {
        db.run(s -> {
            ActorEntity followee = followee(s, localName);
            if (followee.isManuallyApproves() == required) {
                return;
            }
            followee.setManuallyApproves(required);
            if (!required) {
                for (FollowEntity waiting : FollowRepository.followersOf(s, followee, FollowEntity.State.PENDING, 0,
                        Integer.MAX_VALUE)) {
                    sendAccept(s, waiting);
                }
            }
            updates.changed(s, followee);
        });
    }

    /**
     * Approves a follower: a waiting follow is accepted ({@code Accept} sent); a follower of a community that was
     * accepted without approval is approved for its community-only posts too.
     *
     * @throws IllegalArgumentException when that actor has not asked to follow
     */
    public void approve(String localName, String follower) {
        db.run(s -> {
            FollowEntity f = follow(s, localName, follower);
            boolean waiting = !f.isAccepted();
            f.approve(clock.instant());
            if (waiting) {
                sendAccept(s, f);
            }
        });
    }

    /** Turns down a waiting follow: {@code Reject} of it, and it is gone. */
    public void reject(String localName, String follower) {
        db.run(s -> {
            FollowEntity f = follow(s, localName, follower);
            if (f.isAccepted()) {
                throw new IllegalArgumentException(follower + " is not waiting for approval: remove it instead");
            }
            rejectAndDelete(s, f);
        });
    }

    /** Removes a follower: {@code Reject} of its follow (Mastodon then drops the follow), and it is gone. */
    public void remove(String localName, String follower) {
        db.run(s -> {
            FollowEntity f = follow(s, localName, follower);
            if (!f.isAccepted()) {
                throw new IllegalArgumentException(follower + " is waiting for approval: reject it instead");
            }
            rejectAndDelete(s, f);
        });
    }

    private void rejectAndDelete(Session s, FollowEntity f) {
        ActorEntity followee = f.getFollowee();
        Activity follow = Activities.follow(f.getActivityUri(), f.getFollower().getUri(), followee.getUri());
        outbox.send(s, followee, Activities.reject(outbox.newActivityId(), followee.getUri(), follow),
                List.of(f.getFollower()), false);
        s.remove(f);
    }

    private void sendAccept(Session s, FollowEntity f) {
        f.accept(clock.instant());
        ActorEntity followee = f.getFollowee();
        Activity follow = Activities.follow(f.getActivityUri(), f.getFollower().getUri(), followee.getUri());
        outbox.send(s, followee, Activities.accept(outbox.newActivityId(), followee.getUri(), follow),
                List.of(f.getFollower()), false);
    }

    private static FollowEntity follow(Session s, String localName, String follower) {
        ActorEntity followee = followee(s, localName);
        ActorEntity them = KnownActors.find(s, follower)
                .orElseThrow(() -> new IllegalArgumentException(follower + " does not follow " + followee.getUsername()));
        return FollowRepository.between(s, them, followee)
                .orElseThrow(() -> new IllegalArgumentException(follower + " does not follow " + followee.getUsername()));
    }

    private static ActorEntity followee(Session s, String localName) {
        String name = localName == null ? "" : localName.strip().toLowerCase(Locale.ROOT);
        return ActorRepository.localByUsername(s, name)
                .filter(a -> !a.isDeleted() && (a.getKind() == ActorKind.GROUP || a.getKind() == ActorKind.PERSON))
                .orElseThrow(() -> new NotFoundException("No community or member " + localName + " here"));
    }
}
