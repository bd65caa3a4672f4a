package org.weft.server.domain.follow;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.hibernate.Session;
import org.weft.activitypub.vocab.Activities;
import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.actor.RemoteActors;
import org.weft.server.domain.actor.WebFingerLookup;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.AccountBlockRepository;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.queue.Outbox;

/**
 * Follows in both directions: remote actors following local ones (accepted at once unless the community or member
 * requires approval, and at once for a community this community itself follows), and local actors following remote
 * ones. Decisions on waiting and current followers are {@link Followers}'.
 */
public final class FollowService {
    private static final Logger LOG = Logger.getLogger(FollowService.class.getName());

    private final Database db;
    private final Outbox outbox;
    private final RemoteActors remoteActors;
    private final WebFingerLookup webFinger;
    private final Clock clock;
    private final FollowEnds ends;

    public FollowService(Database db, Outbox outbox, RemoteActors remoteActors, WebFingerLookup webFinger, Clock clock) {
        this(db, outbox, remoteActors, webFinger, clock, FollowEnds.NONE);
    }

    /** {@code ends} is told of every follow by someone here that ends (unfollowed here, or refused there). */
    public FollowService(Database db, Outbox outbox, RemoteActors remoteActors, WebFingerLookup webFinger, Clock clock,
                         FollowEnds ends) {
        this.db = db;
        this.outbox = outbox;
        this.remoteActors = remoteActors;
        this.webFinger = webFinger;
        this.clock = clock;
        this.ends = ends;
    }

    /** A Follow arrived for a local actor. Records it and, unless approval is needed, accepts it. */
    public void followReceived(Activity follow) throws IOException {
        ActorEntity follower = remoteActors.resolve(follow.actor());
        db.run(s -> {
            Optional<ActorEntity> target = ActorRepository.byUri(s, follow.object().id()).filter(ActorEntity::isLocal);
            if (target.isEmpty() || target.get().isDeleted() || target.get().getKind() == ActorKind.APPLICATION) {
                LOG.info(() -> "Follow " + follow.id() + " names no local actor that can be followed: " + follow.object().id());
                return;
            }
            ActorEntity followee = target.get();
            ActorEntity followerHere = s.merge(follower);
            if (AccountBlockRepository.anyBlocks(s, List.of(followee.getId()), followerHere.getId())) {
                LOG.info(() -> "Follow " + follow.id() + " from " + follow.actor() + ", whom " + followee.getUri() + " blocked");
                return;
            }
            FollowEntity relation = FollowRepository.between(s, followerHere, followee).orElse(null);
            if (relation == null) {
                relation = new FollowEntity(followerHere, followee, follow.id(), clock.instant());
                s.persist(relation);
            } else {
                relation.setActivityUri(follow.id());
            }
            // A community's own link (it follows the follower) is the operator's approval; a follow already accepted
            // is answered again (Mastodon repeats a Follow it thinks was lost); otherwise the followee's setting decides.
            boolean linked = followee.getKind() == ActorKind.GROUP
                    && FollowRepository.between(s, followee, followerHere).isPresent();
            if (relation.isAccepted() || linked || !followee.isManuallyApproves()) {
                accept(s, relation, follow);
            }
        });
    }

    /** The remote side took back its follow. */
    public void undoReceived(Activity undo, Activity follow) {
        db.run(s -> {
            Optional<ActorEntity> follower = ActorRepository.byUri(s, undo.actor());
            Optional<ActorEntity> followee = ActorRepository.byUri(s, follow.object().id()).filter(ActorEntity::isLocal);
            if (follower.isPresent() && followee.isPresent()) {
                FollowRepository.between(s, follower.get(), followee.get()).ifPresent(s::remove);
            }
        });
    }

    /**
     * Our follow of a remote actor was accepted (or refused). Returns whether this newly completed a local
     * community's link to another community (a community following a {@code Group}), which is when the
     * caller fetches the proposals that community posted before the link.
     */
    public boolean answerReceived(Activity answer, boolean accepted) {
        return db.inTransaction(s -> {
            Optional<ActorEntity> followee = ActorRepository.byUri(s, answer.actor());
            if (followee.isEmpty()) {
                return false;
            }
            Optional<FollowEntity> relation = findOurFollow(s, answer, followee.get());
            if (relation.isEmpty()) {
                return false;
            }
            FollowEntity f = relation.get();
            if (!accepted) {
                s.remove(f);
                ends.ended(s, followee.get());
                return false;
            }
            boolean newlyAccepted = !f.isAccepted();
            f.accept(clock.instant());
            return newlyAccepted && f.getFollower().getKind() == ActorKind.GROUP
                    && followee.get().getKind() == ActorKind.GROUP;
        });
    }

    /**
     * A local actor follows a remote one, named by handle ({@code @user@host}) or actor URL.
     * Returns the followee's id; the follow stays pending until the other side accepts.
     */
    public String follow(String localUsername, String target) throws IOException {
        String targetUri = target.startsWith("http://") || target.startsWith("https://")
                ? target : webFinger.actorUri(target);
        ActorEntity followee = remoteActors.resolve(targetUri);
        db.run(s -> {
            ActorEntity follower = ActorRepository.localByUsername(s, localUsername)
                    .orElseThrow(() -> new IllegalArgumentException("No local member or group '" + localUsername + "'"));
            ActorEntity followeeHere = s.merge(followee);
            String id = outbox.newActivityId();
            FollowEntity relation = FollowRepository.between(s, follower, followeeHere).orElse(null);
            if (relation == null) {
                relation = new FollowEntity(follower, followeeHere, id, clock.instant());
                s.persist(relation);
            } else {
                relation.setActivityUri(id);
            }
            Activity follow = Activities.follow(id, follower.getUri(), followeeHere.getUri());
            outbox.send(s, follower, follow, List.of(followeeHere), false);
            if (follower.getKind() == ActorKind.GROUP) {
                // Linking is the operator's approval: a follow of ours from that community, waiting, is accepted now.
                FollowRepository.between(s, followeeHere, follower).filter(theirs -> !theirs.isAccepted())
                        .ifPresent(theirs -> accept(s, theirs, Activities.follow(theirs.getActivityUri(),
                                followeeHere.getUri(), follower.getUri())));
            }
        });
        return followee.getUri();
    }

    /**
     * A local actor stops following a remote one: Undo with the whole Follow embedded. Returns whether it followed
     * (asked or accepted); when it did not, nothing is sent and nothing changes.
     */
    public boolean unfollow(String localUsername, String targetUri) {
        return db.inTransaction(s -> {
            ActorEntity follower = ActorRepository.localByUsername(s, localUsername)
                    .orElseThrow(() -> new IllegalArgumentException("No local member or group '" + localUsername + "'"));
            ActorEntity followee = ActorRepository.byUri(s, targetUri)
                    .orElseThrow(() -> new IllegalArgumentException("Not following " + targetUri));
            Optional<FollowEntity> ours = FollowRepository.between(s, follower, followee);
            ours.ifPresent(f -> {
                Activity follow = Activities.follow(f.getActivityUri(), follower.getUri(), followee.getUri());
                outbox.send(s, follower, Activities.undo(outbox.newActivityId(), follower.getUri(), follow),
                        List.of(followee), false);
                s.remove(f);
                ends.ended(s, followee);
            });
            return ours.isPresent();
        });
    }

    private void accept(Session s, FollowEntity relation, Activity follow) {
        relation.accept(clock.instant());
        ActorEntity followee = relation.getFollowee();
        Activity accept = Activities.accept(outbox.newActivityId(), followee.getUri(), follow);
        outbox.send(s, followee, accept, List.of(relation.getFollower()), false);
    }

    /** Mastodon matches an Accept by the Follow's id, or by its embedded actor and object; so do we. */
    private static Optional<FollowEntity> findOurFollow(Session s, Activity answer, ActorEntity followee) {
        String followId = answer.object() == null ? null : answer.object().id();
        Optional<FollowEntity> byId = followId == null ? Optional.empty()
                : FollowRepository.byActivity(s, followId, followee);
        if (byId.isPresent()) {
            return byId;
        }
        return answer.objectAsActivity()
                .flatMap(inner -> ActorRepository.byUri(s, inner.actor()).filter(ActorEntity::isLocal))
                .flatMap(follower -> FollowRepository.between(s, follower, followee));
    }
}
