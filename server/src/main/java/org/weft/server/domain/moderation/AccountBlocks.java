package org.weft.server.domain.moderation;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hibernate.Session;
import org.weft.activitypub.vocab.Activities;
import org.weft.activitypub.vocab.Activity;
import org.weft.activitypub.vocab.ObjectRef;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.Usernames;
import org.weft.server.domain.actor.RemoteActors;
import org.weft.server.model.ActorKind;
import org.weft.server.model.ModerationActionKind;
import org.weft.server.persistence.AccountBlockEntity;
import org.weft.server.persistence.AccountBlockRepository;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.NotificationRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.queue.Outbox;

/**
 * Blocks of single accounts. A community's moderator blocks a remote account for the community: the community sends it
 * a {@code Block} (actor the Group, object the account, target the Group, as Lemmy's community ban), its follow of the
 * community is removed, its posts still waiting for a moderator there are turned down, and from then on its follows,
 * posts and responses there are refused. A member blocks an
 * account for themselves: no response, message or match from it reaches them, and it is not told (a block sent to it
 * would tell someone hostile that they were noticed). Either block marks read the notifications about what the account
 * sent before (to the member; for a community, to the authors of its proposals). Checks are {@link #blocks} and, for
 * what is said about a proposal, {@link #blockedOn} (used by the inbound handlers, the decisions on responses and their
 * lists, and the matcher's notices), and in a response's conversation {@link #blockedInConversation}, which asks the
 * member who answered a proposal of another server too.
 */
public final class AccountBlocks {
    private final Database db;
    private final RemoteActors remoteActors;
    private final Outbox outbox;
    private final ModerationLog log;
    private final WaitingPostsTurnDown turnDown;
    private final Clock clock;

    public AccountBlocks(Database db, RemoteActors remoteActors, Outbox outbox, ModerationLog log, Clock clock) {
        this.db = db;
        this.remoteActors = remoteActors;
        this.outbox = outbox;
        this.log = log;
        this.turnDown = new WaitingPostsTurnDown(log);
        this.clock = clock;
    }

    /**
     * Whether any of these local actors (members, communities; nulls ignored) blocked {@code sender}, or, being a
     * community, refuses its server.
     */
    public static boolean blocks(Session s, ActorEntity sender, ActorEntity... blockers) {
        return AccountBlockRepository.anyBlocks(s, Arrays.stream(blockers).map(a -> a == null ? null : a.getId())
                .toList(), sender.getId());
    }

    /**
     * Whether {@code sender} is blocked on {@code proposal}: its author or its community blocked the account, or the
     * community refuses the account's server. Nothing of the sender's about it then reaches anyone here (an answer, a
     * message in its conversation, an Offer, the notice of a match). The operator's {@link DomainBlocks} are not asked:
     * the inbox refuses a suspended server's deliveries and its copies are hidden, before any of this. A member here is
     * never blocked this way (both blocks refuse this server's accounts), so nothing is asked for one: the proposal's
     * page asks for each response it lists.
     */
    public static boolean blockedOn(Session s, ProposalEntity proposal, ActorEntity sender) {
        return !sender.isLocal() && blocks(s, sender, proposal.getAuthor(), proposal.getGroup());
    }

    /**
     * Whether {@code sender} is blocked in the conversation of {@code r}: on its proposal ({@link #blockedOn}), or by
     * its responder, a member here who answered a proposal of another server. That proposal's author and community are
     * the other server's, so {@link #blockedOn} never asks her: without this, the author she blocked would still reach
     * her in the conversation she started there (his messages, his edits of them, his decision on her answer).
     */
    public static boolean blockedInConversation(Session s, ResponseEntity r, ActorEntity sender) {
        ActorEntity responder = r.getResponder();
        return !sender.isLocal() && blocks(s, sender, r.getProposal().getAuthor(), r.getProposal().getGroup(),
                responder.isLocal() ? responder : null);
    }

    /**
     * {@code community} blocks the account at {@code accountUri}; {@code moderatorId} is the member deciding (empty for
     * an operator at the command line). Blocking again changes nothing.
     *
     * @throws ForbiddenException       when that member does not moderate the community
     * @throws InvalidInputException    when the account is this server's own ({@code block_account_local}), or cannot be
     *                                  found ({@code block_account_unknown})
     */
    public void blockForCommunity(String community, String accountUri, Optional<Long> moderatorId, String reason)
            throws IOException {
        ActorEntity account = remote(accountUri);
        db.run(s -> {
            ActorEntity group = community(s, community);
            if (moderatorId.isPresent() && !Moderators.moderates(s, moderatorId.get(), group.getId())) {
                throw new ForbiddenException("Only a moderator of " + group.getUsername() + " may block accounts for it");
            }
            ActorEntity blocked = s.merge(account);
            if (AccountBlockRepository.find(s, group.getId(), blocked.getId()).isPresent()) {
                return;
            }
            Instant now = clock.instant();
            AccountBlockEntity block = new AccountBlockEntity(group, blocked, moderatorId.orElse(null), reason, now);
            FollowRepository.between(s, blocked, group).ifPresent(s::remove);
            Activity sent = blockActivity(group, blocked, block.getReason());
            block.setActivityUri(sent.id());
            s.persist(block);
            outbox.send(s, group, sent, List.of(blocked), false);
            log.record(s, group, ModerationActionKind.ACCOUNT_BLOCKED, blocked.getUri(), block.getReason(),
                    moderatorId.orElse(null), now);
            // What it sent before the block and still waits would otherwise stay in the moderators' queue, where
            // "Put on the board" would still publish it.
            turnDown.turnDown(s, group, blocked, moderatorId.orElse(null), now);
            // Nor does what it sent to the community's members stay news to them (a flood of answers and messages):
            // its notifications are marked read, not deleted; its answers still waiting leave the lists
            // (BlockedResponses).
            NotificationRepository.readAboutAccountIn(s, group.getId(), blocked.getId(), now);
        });
    }

    /** Lifts a community's block: an {@code Undo} of the Block is sent. Returns whether there was one. */
    public boolean unblockForCommunity(String community, String accountUri, Optional<Long> moderatorId) {
        return db.inTransaction(s -> {
            ActorEntity group = community(s, community);
            if (moderatorId.isPresent() && !Moderators.moderates(s, moderatorId.get(), group.getId())) {
                throw new ForbiddenException("Only a moderator of " + group.getUsername() + " may lift its blocks");
            }
            Optional<AccountBlockEntity> block = ActorRepository.byUri(s, accountUri)
                    .flatMap(a -> AccountBlockRepository.find(s, group.getId(), a.getId()));
            if (block.isEmpty()) {
                return false;
            }
            ActorEntity blocked = block.get().getBlocked();
            if (block.get().getActivityUri() != null) {
                Activity original = blockActivity(group, blocked, block.get().getReason(), block.get().getActivityUri());
                outbox.send(s, group, Activities.undo(outbox.newActivityId(), group.getUri(), original), List.of(blocked),
                        false);
            }
            s.remove(block.get());
            log.record(s, group, ModerationActionKind.ACCOUNT_UNBLOCKED, blocked.getUri(), null, moderatorId.orElse(null),
                    clock.instant());
            return true;
        });
    }

    /** {@code member} blocks the account at {@code accountUri} for themselves (it is not told). */
    public void blockForMember(long memberId, String accountUri) throws IOException {
        ActorEntity account = remote(accountUri);
        db.run(s -> {
            ActorEntity member = s.find(ActorEntity.class, memberId);
            if (member == null || !member.isLocal() || member.getKind() != ActorKind.PERSON) {
                throw new NotFoundException("No member " + memberId);
            }
            ActorEntity blocked = s.merge(account);
            if (AccountBlockRepository.find(s, memberId, blocked.getId()).isEmpty()) {
                Instant now = clock.instant();
                s.persist(new AccountBlockEntity(member, blocked, memberId, null, now));
                // What it sent before stops being news to her too, as a community's block does for its members.
                NotificationRepository.readAboutAccount(s, memberId, blocked.getId(), now);
            }
        });
    }

    /** Lifts a member's own block; returns whether there was one. */
    public boolean unblockForMember(long memberId, String accountUri) {
        return db.inTransaction(s -> {
            Optional<AccountBlockEntity> block = ActorRepository.byUri(s, accountUri)
                    .flatMap(a -> AccountBlockRepository.find(s, memberId, a.getId()));
            block.ifPresent(s::remove);
            return block.isPresent();
        });
    }

    /** What a community or member blocked, newest first. */
    public List<AccountBlockEntity> blockedBy(long blockerId) {
        return db.inTransaction(s -> AccountBlockRepository.byBlocker(s, blockerId));
    }

    private ActorEntity remote(String accountUri) throws IOException {
        Optional<ActorEntity> known = db.inTransaction(s -> ActorRepository.byUri(s, accountUri));
        if (known.isPresent() && known.get().isLocal()) {
            throw InvalidInputException.of("block_account_local");
        }
        if (known.isPresent()) {
            return known.get();
        }
        try {
            return remoteActors.resolve(accountUri);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("block_account_unknown", accountUri);
        }
    }

    private Activity blockActivity(ActorEntity group, ActorEntity blocked, String reason) {
        return blockActivity(group, blocked, reason, outbox.newActivityId());
    }

    private static Activity blockActivity(ActorEntity group, ActorEntity blocked, String reason, String id) {
        ObjectNode json = new Activity(id, "Block", group.getUri(), ObjectRef.of(blocked.getUri()), ObjectRef.of(group.getUri()),
                List.of(blocked.getUri()), List.of(), null, null).toJson();
        if (reason != null) {
            json.put("summary", reason);
        }
        return Activity.fromJson(json);
    }

    private static ActorEntity community(Session s, String name) {
        return ActorRepository.local(s, ActorKind.GROUP, Usernames.normalise(name)).filter(a -> !a.isDeleted())
                .orElseThrow(() -> new NotFoundException("No community " + name + " here"));
    }
}
