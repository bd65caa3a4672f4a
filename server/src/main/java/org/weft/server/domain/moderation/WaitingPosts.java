package org.weft.server.domain.moderation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.proposal.HeldReadings;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalCursor;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;

/**
 * The posts waiting for a moderator of one community, as a page a moderator can get through when one account floods
 * it: a page of {@value #PAGE_SIZE} posts at a time, oldest first, with the total; each account with at least
 * {@value #GROUPED_AT} waiting posts shown once (its count and its last post to arrive) instead of among them, with
 * one decision to turn all of them down. So 2,000 posts from one account are one entry, and the posts of everyone
 * else are on the first page. A moderator can still open one account's posts one by one ({@code account}).
 */
public final class WaitingPosts {
    /** How many posts a page shows. */
    public static final int PAGE_SIZE = 50;
    /** From how many waiting posts an account is shown once, grouped. */
    public static final int GROUPED_AT = 3;
    /** How many grouped accounts a page shows at most (the ones with most posts); the others' posts are listed. */
    static final int ACCOUNTS = 20;

    private final Database db;
    private final HeldReadings readings;
    private final WaitingPostsTurnDown turnDown;
    private final Clock clock;

    public WaitingPosts(Database db, HeldReadings readings, WaitingPostsTurnDown turnDown, Clock clock) {
        this.db = db;
        this.readings = readings;
        this.turnDown = turnDown;
        this.clock = clock;
    }

    /** An account shown once: how many of its posts wait, and the last of them to arrive. */
    public record Account(ActorEntity account, long count, ProposalEntity sample) {
    }

    /**
     * One page of the queue.
     *
     * @param total    how many posts wait in the community, all accounts together
     * @param accounts the accounts shown grouped, most posts first (none on one account's own page)
     * @param posts    this page's posts, oldest first, with their readings
     * @param next     where the next page starts, or null when this is the last
     * @param only     the account whose posts alone this page lists, or null
     */
    public record Page(long total, List<Account> accounts, List<ModerationQueue.HeldPost> posts, ProposalCursor next,
                       ActorEntity only) {
    }

    /**
     * The page of {@code community}'s queue just past {@code after} (null: the first), of {@code accountId}'s posts
     * alone when not null; the caller has checked that the asker moderates it.
     *
     * @throws NotFoundException when there is no such community, or no such account
     */
    public Page page(String community, ProposalCursor after, Long accountId) {
        return db.inTransaction(s -> {
            ActorEntity group = group(s, community);
            ActorEntity only = accountId == null ? null : account(s, accountId);
            long total = ProposalRepository.countWaiting(s, group.getId());
            List<Account> accounts = only != null ? List.of() : accounts(s, group);
            List<Long> grouped = accounts.stream().map(a -> a.account().getId()).toList();
            List<ProposalEntity> rows = ProposalRepository.waitingPage(s, group.getId(), after, accountId, grouped,
                    PAGE_SIZE + 1);
            List<ProposalEntity> shown = rows.subList(0, Math.min(PAGE_SIZE, rows.size()));
            ProposalCursor next = rows.size() > PAGE_SIZE ? ProposalCursor.of(shown.getLast()) : null;
            return new Page(total, accounts, shown.stream()
                    .map(p -> new ModerationQueue.HeldPost(p, readings.read(p.getReadings()))).toList(), next, only);
        });
    }

    /**
     * Turns down every post the account numbered {@code accountId} has waiting in {@code community}, in one
     * transaction, as the member {@code moderatorId}; returns how many.
     *
     * @throws ForbiddenException when that member does not moderate the community (nothing changes)
     * @throws NotFoundException  when there is no such community or account
     */
    public int turnDownAll(long moderatorId, String community, long accountId) {
        return db.inTransaction(s -> {
            ActorEntity group = group(s, community);
            if (!Moderators.moderates(s, moderatorId, group.getId())) {
                throw new ForbiddenException("Member " + moderatorId + " does not moderate " + community);
            }
            return turnDown.turnDown(s, group, account(s, accountId), moderatorId, clock.instant());
        });
    }

    private static List<Account> accounts(Session s, ActorEntity group) {
        List<ProposalRepository.WaitingAccount> counted = ProposalRepository.waitingAccounts(s, group.getId(),
                GROUPED_AT, ACCOUNTS);
        if (counted.isEmpty()) {
            return List.of();
        }
        Map<Long, ProposalEntity> samples = ProposalRepository.byIds(s,
                        counted.stream().map(ProposalRepository.WaitingAccount::lastId).toList()).stream()
                .collect(Collectors.toMap(ProposalEntity::getId, Function.identity()));
        return counted.stream().map(c -> {
            ProposalEntity sample = samples.get(c.lastId());
            return new Account(sample.getAuthor(), c.count(), sample);
        }).toList();
    }

    private static ActorEntity group(Session s, String community) {
        return ActorRepository.local(s, ActorKind.GROUP, community).filter(g -> !g.isDeleted())
                .orElseThrow(() -> new NotFoundException("No community " + community));
    }

    private static ActorEntity account(Session s, long accountId) {
        ActorEntity account = s.find(ActorEntity.class, accountId);
        if (account == null) {
            throw new NotFoundException("No account " + accountId);
        }
        return account;
    }
}
