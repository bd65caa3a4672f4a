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
 *
 * <p>A spam server spreads its flood over many accounts, a few posts each, under the account threshold: each server
 * with at least {@value #SERVER_GROUPED_AT} posts waiting from accounts that each have fewer than {@value #GROUPED_AT}
 * (so from four accounts at least) is shown once too, with all its waiting posts counted (its larger accounts' too)
 * and its last post, and one decision for all of them; neither its posts nor its accounts are listed again. Ten, not
 * three: a large general server's people may well have several ordinary posts waiting together, and each of them
 * deserves a look of its own; ten at once from one server's small senders is more than a community usually gets
 * between two looks, and the page is then shorter by nine at least. A server whose flood is one account is shown as
 * that account, and its other people's posts stay in the list, where a server's entry would have hidden them. Its
 * posts one by one are there too ({@code server}).
 */
public final class WaitingPosts {
    /** How many posts a page shows. */
    public static final int PAGE_SIZE = 50;
    /** From how many waiting posts an account is shown once, grouped. */
    public static final int GROUPED_AT = 3;
    /** How many grouped accounts a page shows at most (the ones with most posts); the others' posts are listed. */
    static final int ACCOUNTS = 20;
    /**
     * From how many waiting posts of its accounts not shown on their own a server is shown once, grouped (see the
     * class comment for why ten).
     */
    public static final int SERVER_GROUPED_AT = 10;
    /** How many grouped servers a page shows at most (the ones with most posts). */
    static final int SERVERS = 20;

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

    /** A server shown once: how many posts wait from how many of its accounts, and the last of them to arrive. */
    public record Server(String domain, long count, long accounts, ProposalEntity sample) {
    }

    /** Which posts a page lists: those of one account, or of one server's accounts, or (both null) everyone's. */
    public record Only(Long account, String server) {
        public boolean everyone() {
            return account == null && server == null;
        }
    }

    /**
     * One page of the queue.
     *
     * @param total      how many posts wait in the community, all accounts together
     * @param servers    the servers shown grouped, most posts first (none on one account's or server's own page)
     * @param accounts   the accounts shown grouped, most posts first, none of a grouped server (none on one
     *                   account's or server's own page)
     * @param posts      this page's posts, oldest first, with their readings
     * @param next       where the next page starts, or null when this is the last
     * @param only       the account whose posts alone this page lists, or null
     * @param onlyServer the server whose accounts' posts alone this page lists, or null
     */
    public record Page(long total, List<Server> servers, List<Account> accounts, List<ModerationQueue.HeldPost> posts,
                       ProposalCursor next, ActorEntity only, String onlyServer) {
    }

    /**
     * The page of {@code community}'s queue just past {@code after} (null: the first), of the posts {@code only}
     * keeps; the caller has checked that the asker moderates it.
     *
     * @throws NotFoundException when there is no such community, or no such account
     */
    public Page page(String community, ProposalCursor after, Only only) {
        return db.inTransaction(s -> {
            ActorEntity group = group(s, community);
            ActorEntity account = only.account() == null ? null : account(s, group, only.account());
            long total = ProposalRepository.countWaiting(s, group.getId());
            List<Server> servers = only.everyone() ? servers(s, group) : List.of();
            List<String> groupedServers = servers.stream().map(Server::domain).toList();
            List<Account> accounts = only.everyone() ? accounts(s, group, groupedServers) : List.of();
            List<Long> grouped = accounts.stream().map(a -> a.account().getId()).toList();
            List<ProposalEntity> rows = ProposalRepository.waitingPage(s, group.getId(), after,
                    only.everyone() ? ProposalRepository.WaitingScope.all(grouped, groupedServers)
                            : new ProposalRepository.WaitingScope(only.account(), only.server(), List.of(), List.of()),
                    PAGE_SIZE + 1);
            List<ProposalEntity> shown = rows.subList(0, Math.min(PAGE_SIZE, rows.size()));
            ProposalCursor next = rows.size() > PAGE_SIZE ? ProposalCursor.of(shown.getLast()) : null;
            return new Page(total, servers, accounts, shown.stream()
                    .map(p -> new ModerationQueue.HeldPost(p, readings.read(p.getReadings()))).toList(), next, account,
                    only.server());
        });
    }

    /**
     * Turns down every post the account numbered {@code accountId} has waiting in {@code community}, in one
     * transaction, as the member {@code moderatorId}, for the public {@code reason} (may be null); returns how many.
     *
     * @throws ForbiddenException when that member does not moderate the community (nothing changes)
     * @throws NotFoundException  when there is no such community or account
     */
    public int turnDownAll(long moderatorId, String community, long accountId, String reason) {
        return db.inTransaction(s -> {
            ActorEntity group = moderated(s, moderatorId, community);
            return turnDown.turnDown(s, group, account(s, group, accountId), reason, moderatorId, clock.instant());
        });
    }

    /**
     * Turns down every post waiting in {@code community} from any account of the server {@code domain}, in one
     * transaction, as the member {@code moderatorId}, for the public {@code reason} (may be null); returns how many.
     *
     * @throws ForbiddenException when that member does not moderate the community (nothing changes)
     * @throws NotFoundException  when there is no such community
     */
    public int turnDownServer(long moderatorId, String community, String domain, String reason) {
        return db.inTransaction(s -> turnDown.turnDownServer(s, moderated(s, moderatorId, community), domain, reason,
                moderatorId, clock.instant()));
    }

    private static ActorEntity moderated(Session s, long moderatorId, String community) {
        ActorEntity group = group(s, community);
        if (!Moderators.moderates(s, moderatorId, group.getId())) {
            throw new ForbiddenException("Member " + moderatorId + " does not moderate " + community);
        }
        return group;
    }

    private static List<Server> servers(Session s, ActorEntity group) {
        List<ProposalRepository.WaitingServer> counted = ProposalRepository.waitingServers(s, group.getId(),
                SERVER_GROUPED_AT, GROUPED_AT, SERVERS);
        if (counted.isEmpty()) {
            return List.of();
        }
        Map<Long, ProposalEntity> samples = ProposalRepository.byIds(s,
                        counted.stream().map(ProposalRepository.WaitingServer::lastId).toList()).stream()
                .collect(Collectors.toMap(ProposalEntity::getId, Function.identity()));
        return counted.stream().map(c -> new Server(c.domain(), c.count(), c.accounts(), samples.get(c.lastId())))
                .toList();
    }

    private static List<Account> accounts(Session s, ActorEntity group, List<String> groupedServers) {
        List<ProposalRepository.WaitingAccount> counted = ProposalRepository.waitingAccounts(s, group.getId(),
                GROUPED_AT, groupedServers, ACCOUNTS);
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

    /**
     * The address of the account numbered {@code accountId}, for the member {@code moderatorId} to act on in
     * {@code community} (a block asks first with it).
     *
     * @throws ForbiddenException when that member does not moderate the community
     * @throws NotFoundException  when there is no such community, or the account is none of its ({@link CommunityAccounts})
     */
    public String accountAddress(long moderatorId, String community, long accountId) {
        return db.inTransaction(s -> {
            ActorEntity group = moderated(s, moderatorId, community);
            return account(s, group, accountId).getUri();
        });
    }

    /** The account numbered {@code accountId}, if {@code group}'s moderators meet it there; else not found. */
    private static ActorEntity account(Session s, ActorEntity group, long accountId) {
        ActorEntity account = s.find(ActorEntity.class, accountId);
        if (account == null || !CommunityAccounts.known(s, group, account)) {
            throw new NotFoundException("No account " + accountId);
        }
        return account;
    }
}
