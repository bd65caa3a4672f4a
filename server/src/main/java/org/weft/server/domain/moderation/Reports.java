package org.weft.server.domain.moderation;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.proposal.ProposalEvents;
import org.weft.server.domain.proposal.ProposalListener;
import org.weft.server.domain.proposal.ProposalPublisher;
import org.weft.server.model.ActorKind;
import org.weft.server.model.DomainNames;
import org.weft.server.model.DomainSeverity;
import org.weft.server.model.ModerationActionKind;
import org.weft.server.model.NotificationKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.BlockedDomains;
import org.weft.server.persistence.ConversationMessageEntity;
import org.weft.server.persistence.ConversationMessageRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.DomainBlockEntity;
import org.weft.server.persistence.DomainBlockRepository;
import org.weft.server.persistence.ModeratorRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ReportEntity;
import org.weft.server.persistence.ReportRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.queue.Outbox;

/**
 * Reports of accounts and their posts: from a member (a proposal, a response, a conversation message or an account),
 * or from another server (a {@code Flag}, Mastodon's shape: the reporting server's instance actor, the account and
 * posts as {@code object}, the comment as {@code content}). A report goes to the moderators of the community the
 * reported post is in, or, for a post of a linked community on another server, of the community here whose board
 * shows it (the operators when there is none, or several). Their actions: dismiss; hide the reported posts; block the
 * account for the community; suspend its server (operators); forward the report to the account's server as a
 * {@code Flag} from this server's instance actor, which names no member of this server. Who reported is kept for the
 * moderators only: never logged, never forwarded.
 */
public final class Reports {
    private final Database db;
    private final AccountBlocks accounts;
    private final DomainBlocks domains;
    private final ModerationLog log;
    private final Outbox outbox;
    private final ProposalPublisher proposals;
    private final ProposalListener matching;
    private final Clock clock;

    /**
     * @param proposals tells other servers to delete their copies of a local proposal a moderator hides
     * @param matching  hears of a hidden or shown proposal once the decision commits, so that a hidden one matches no
     *                  one from then on (other processes hear it at their next look at decisions, ModerationDecisions)
     */
    public Reports(Database db, AccountBlocks accounts, DomainBlocks domains, ModerationLog log, Outbox outbox,
                   ProposalPublisher proposals, ProposalListener matching, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.domains = domains;
        this.log = log;
        this.outbox = outbox;
        this.proposals = proposals;
        this.matching = matching;
        this.clock = clock;
    }

    /**
     * A member reports what is at {@code targetUri} (a proposal, response, conversation message or account).
     *
     * @return the report's id (of the earlier one, when this joined it: {@link #filedByMember})
     * @throws NotFoundException when nothing reportable is there
     * @throws InvalidInputException ({@code report_own}) when it is the member's own post or account
     */
    public long fromMember(long memberId, String targetUri, String comment) {
        return filedByMember(memberId, targetUri, comment).id();
    }

    /**
     * A member reports what is at {@code targetUri}. When a report of theirs about the same thing is still open, no
     * second one is made: the comment joins that one. Counted twice, one person could make an account look reported
     * by many; forwarded twice, the account's server would count it twice too. The open one is not sent again.
     */
    public Filed filedByMember(long memberId, String targetUri, String comment) {
        return db.inTransaction(s -> {
            Target target = target(s, targetUri)
                    .orElseThrow(() -> new NotFoundException("Nothing to report at " + targetUri));
            if (target.account().getId() == memberId) {
                throw InvalidInputException.of("report_own");
            }
            // Two reports of the same thing sent at once take turns, so the second finds the first.
            ActorRepository.lock(s, target.account());
            Optional<ReportEntity> earlier = ReportRepository.openByMemberAbout(s, memberId, target.account()).stream()
                    .filter(r -> sameContent(r, target.content())).findFirst();
            if (earlier.isPresent()) {
                earlier.get().addComment(comment);
                return new Filed(earlier.get().getId(), true);
            }
            ReportEntity report = new ReportEntity(target.community(), target.account(), target.content(), comment,
                    clock.instant());
            report.byMember(memberId);
            s.persist(report);
            return new Filed(report.getId(), false);
        });
    }

    /**
     * A member's report, as filed.
     *
     * @param id              the report's id
     * @param joinedAnOpenOne whether it joined the member's earlier, still open report of the same thing (its comment
     *                        added there) rather than making a new one
     */
    public record Filed(long id, boolean joinedAnOpenOne) {
    }

    /**
     * A {@code Flag} from another server. The first object that names an account known here is the reported account
     * (else the author of the first known post), the known posts are the reported content. Returns empty when it
     * names nothing known here, when the same Flag came before, or when its server's reports are rejected. A Flag from
     * a server with a report still open here about the same account and posts joins it (its comment is added) rather
     * than make a second one: the moderators see one report of one thing from that server, however often it is sent.
     */
    public Optional<Long> fromFlag(Activity flag) {
        List<String> objects = objectIds(flag);
        String comment = flag.raw().path("content").asText(null);
        return db.inTransaction(s -> {
            if (ReportRepository.existsFlag(s, flag.id()) || reportsRejected(s, flag.actor())) {
                return Optional.empty();
            }
            ActorEntity account = null;
            ActorEntity community = null;
            List<String> content = new ArrayList<>();
            for (String id : objects) {
                Optional<ActorEntity> actor = ActorRepository.byUri(s, id).filter(a -> !a.isDeleted());
                if (actor.isPresent() && account == null) {
                    account = actor.get();
                    continue;
                }
                Optional<Target> post = target(s, id).filter(t -> !t.content().isEmpty());
                if (post.isPresent()) {
                    content.add(id);
                    community = community == null ? post.get().community() : community;
                    account = account == null ? post.get().account() : account;
                }
            }
            if (account == null) {
                return Optional.empty();
            }
            if (community == null && account.isLocal() && account.getKind() == ActorKind.GROUP) {
                community = account;
            }
            // As for a member's report: two Flags at once take turns, so the second finds the first.
            ActorRepository.lock(s, account);
            String server = BlockedDomains.hostOf(flag.actor());
            Optional<ReportEntity> earlier = ReportRepository.openFlagsAbout(s, account).stream()
                    .filter(r -> server.equals(BlockedDomains.hostOf(r.getReporterUri())) && sameContent(r, content))
                    .findFirst();
            if (earlier.isPresent()) {
                earlier.get().addComment(comment);
                return Optional.of(earlier.get().getId());
            }
            ReportEntity report = new ReportEntity(community, account, content, comment, clock.instant());
            report.byFlag(flag.actor(), flag.id());
            s.persist(report);
            return Optional.of(report.getId());
        });
    }

    /** The open reports a member may handle: of the communities they moderate, and all of them for an operator. */
    public List<ReportEntity> openFor(long memberId) {
        return db.inTransaction(s -> {
            List<ReportEntity> open = new ArrayList<>();
            boolean operator = ModeratorRepository.isOperator(s, memberId);
            List<ActorEntity> communities = operator ? ActorRepository.localGroups(s) : ModeratorRepository.communitiesOf(s,
                    memberId);
            for (ActorEntity c : communities) {
                open.addAll(ReportRepository.open(s, c.getId()));
            }
            if (operator) {
                open.addAll(ReportRepository.open(s, null));
            }
            open.forEach(r -> r.getAccount().getUri());
            return open;
        });
    }

    /**
     * How many reporters reported the account, its open and its closed reports alike: each member, and each other
     * server (whose Flags name nobody), counts once however many reports they made, so that one person cannot make an
     * account look reported by many. A report whose member has since gone counts on its own. The reports of an
     * anonymous request it posted are left out: counted there, they would tell who asked ({@link AnonymousRequestReports}).
     */
    public int reporterCount(long accountId) {
        return db.inTransaction(s -> {
            List<ReportEntity> reports = AnonymousRequestReports.withoutThem(s, accountId,
                    ReportRepository.ofAccount(s, accountId));
            Set<String> reporters = new HashSet<>();
            int unknown = 0;
            for (ReportEntity r : reports) {
                Optional<String> reporter = reporter(r);
                if (reporter.isPresent()) {
                    reporters.add(reporter.get());
                } else {
                    unknown++;
                }
            }
            return reporters.size() + unknown;
        });
    }

    /**
     * Who made the report, as a key to tell reporters apart: the member, or the server a Flag came from (its
     * instance actor stands for everyone there). Empty when the member has gone. Never shown: the moderators read the
     * member's name or the server, as before.
     */
    public static Optional<String> reporter(ReportEntity report) {
        if (report.getReporterId() != null) {
            return Optional.of("member " + report.getReporterId());
        }
        return Optional.ofNullable(BlockedDomains.hostOf(report.getReporterUri())).map(host -> "server " + host);
    }

    /**
     * Whether the report is of an anonymous request posted by the account it names: the moderators are then told
     * neither who that is nor how often they were reported.
     */
    public boolean ofAnAnonymousRequest(ReportEntity report) {
        return db.inTransaction(s -> AnonymousRequestReports.isOne(s, report));
    }

    /** Every report, newest first (the command line). */
    public List<ReportEntity> all(int limit) {
        return db.inTransaction(s -> {
            List<ReportEntity> all = ReportRepository.all(s, limit);
            return all;
        });
    }

    /** Closes a report with nothing done. {@code moderatorId} empty: an operator at the command line. */
    public void dismiss(long reportId, Optional<Long> moderatorId) {
        db.run(s -> open(s, reportId, moderatorId).decide(ReportEntity.State.DISMISSED, clock.instant()));
    }

    /**
     * Hides the reported posts (proposals leave boards and matching, other servers are told to delete their copies of
     * one published here, and its author here is told; responses and conversation messages are shown to nobody), logs each, and closes this report and every other open report of those posts, since what they asked
     * for is done. When none was left to hide (already hidden, or gone), nothing changes and the report stays open.
     *
     * @return how many posts were hidden (0: nothing changed)
     */
    public int hideContent(long reportId, Optional<Long> moderatorId, String publicReason) {
        return db.inTransaction(s -> {
            ReportEntity report = open(s, reportId, moderatorId);
            Instant now = clock.instant();
            List<String> hidden = new ArrayList<>();
            for (String uri : report.getContentUris()) {
                if (hide(s, uri, now)) {
                    hidden.add(uri);
                    log.record(s, report.getCommunity(), ModerationActionKind.POST_HIDDEN, uri, publicReason,
                            moderatorId.orElse(null), now);
                }
            }
            if (hidden.isEmpty()) {
                return 0;
            }
            report.decide(ReportEntity.State.RESOLVED, now);
            for (String uri : hidden) {
                ReportRepository.openOf(s, uri).forEach(other -> other.decide(ReportEntity.State.RESOLVED, now));
            }
            return hidden.size();
        });
    }

    /** Hides the proposal, response or conversation message at {@code uri}; false when none is there still shown. */
    private boolean hide(Session s, String uri, Instant now) {
        Optional<ProposalEntity> p = ProposalRepository.byUri(s, uri);
        if (p.isPresent() && p.get().getModeration() != ProposalEntity.Moderation.REJECTED) {
            p.get().moderate(ProposalEntity.Moderation.REJECTED, now);
            if (p.get().isLocal() && p.get().getStatus() != ProposalStatus.WITHDRAWN) {
                // Followers on Mastodon and elsewhere hold a copy in their timelines; a hidden post must leave those
                // too, as a moderator's removal does on Mastodon. (A withdrawn one was deleted there already.)
                proposals.deleted(s, p.get());
            }
            AuthorNotices.tell(s, p.get(), NotificationKind.POST_HIDDEN, now);
            ProposalEvents.afterCommit(s, p.get(), matching);
            return true;
        }
        Optional<ResponseEntity> r = ResponseRepository.byUri(s, uri);
        if (r.isPresent() && !r.get().isHidden()) {
            r.get().hide(now);
            return true;
        }
        Optional<ConversationMessageEntity> m = ConversationMessageRepository.byUri(s, uri);
        if (m.isPresent() && !m.get().isHidden()) {
            m.get().hide(now);
            return true;
        }
        return false;
    }

    /**
     * Undoes a hide: the local proposal {@code proposalId}, hidden after a report, is shown again (its address, the
     * boards and matching take it back), the public log says so and its author is told. Nothing is sent: the copies other servers
     * deleted when it was hidden stay deleted (Mastodon refuses a post again once told it was deleted). Only the moderators of its community (the operators, for one in none) may. Showing one that is not
     * hidden (a second tap) changes nothing.
     *
     * @throws NotFoundException  no such proposal here
     * @throws ForbiddenException the member does not moderate its community
     */
    public void showAgain(long proposalId, long moderatorId) {
        db.run(s -> {
            ProposalEntity p = s.find(ProposalEntity.class, proposalId);
            if (p == null || !p.isLocal() || p.isDeleted()) {
                throw new NotFoundException("No proposal " + proposalId);
            }
            ActorEntity community = localGroup(p.getGroup());
            boolean allowed = community == null ? ModeratorRepository.isOperator(s, moderatorId)
                    : Moderators.moderates(s, moderatorId, community.getId());
            if (!allowed) {
                throw new ForbiddenException("Only the community's moderators may show proposal " + proposalId + " again");
            }
            if (p.getModeration() != ProposalEntity.Moderation.REJECTED) {
                return;
            }
            Instant now = clock.instant();
            p.moderate(ProposalEntity.Moderation.VISIBLE, now);
            log.record(s, community, ModerationActionKind.POST_SHOWN, p.getUri(), null, moderatorId, now);
            AuthorNotices.tell(s, p, NotificationKind.POST_SHOWN, now);
            ProposalEvents.afterCommit(s, p, matching);
        });
    }

    /** Blocks the reported (remote) account for the report's community, then closes the report. */
    public void blockAccount(long reportId, Optional<Long> moderatorId, String publicReason) throws IOException {
        ReportEntity report = db.inTransaction(s -> {
            ReportEntity r = open(s, reportId, moderatorId);
            if (r.getCommunity() == null) {
                throw InvalidInputException.of("report_without_community");
            }
            r.getCommunity().getUsername();
            r.getAccount().getUri();
            return r;
        });
        accounts.blockForCommunity(report.getCommunity().getUsername(), report.getAccount().getUri(), moderatorId,
                publicReason);
        db.run(s -> s.find(ReportEntity.class, reportId).decide(ReportEntity.State.RESOLVED, clock.instant()));
    }

    /** Suspends the reported account's server (operators only), then closes the report. */
    public DomainBlocks.Outcome suspendServer(long reportId, Optional<Long> moderatorId, String publicReason) {
        String host = db.inTransaction(s -> {
            ReportEntity r = open(s, reportId, moderatorId);
            if (moderatorId.isPresent() && !ModeratorRepository.isOperator(s, moderatorId.get())) {
                throw new ForbiddenException("Only an operator may suspend a server");
            }
            if (r.getAccount().isLocal()) {
                throw InvalidInputException.of("report_account_local");
            }
            return BlockedDomains.hostOf(r.getAccount().getUri());
        });
        DomainBlocks.Outcome outcome = domains.block(new DomainBlocks.Block(host, DomainSeverity.SUSPEND, false,
                publicReason, false));
        db.run(s -> s.find(ReportEntity.class, reportId).decide(ReportEntity.State.RESOLVED, clock.instant()));
        return outcome;
    }

    /**
     * Sends the report to the reported account's server as a {@code Flag} from this server's instance actor: the
     * account, the reported posts that are on its server, and the comment. No member of this server is named. The log
     * keeps the public reason. A report is sent once: asked again, nothing is sent or logged, and the answer says when
     * it was. Sending does not close the report (as on Mastodon, where forwarding is not resolving): the account's
     * server decides about the account there, and this community's moderators still decide what shows here.
     */
    public Forwarding forward(long reportId, Optional<Long> moderatorId, String publicReason) {
        return db.inTransaction(s -> {
            ReportEntity report = open(s, reportId, moderatorId);
            if (report.getForwardedAt() != null) {
                return new Forwarding(false, report.getForwardedAt());
            }
            ActorEntity account = report.getAccount();
            if (account.isLocal()) {
                throw InvalidInputException.of("report_forward_local");
            }
            ActorEntity instance = ActorRepository.instanceActor(s).orElseThrow();
            String host = BlockedDomains.hostOf(account.getUri());
            ObjectNode flag = new Activity(outbox.newActivityId(), "Flag", instance.getUri(), null, null, List.of(), List.of(),
                    null, null).toJson();
            ArrayNode object = flag.putArray("object").add(account.getUri());
            report.getContentUris().stream().filter(uri -> host != null && host.equals(BlockedDomains.hostOf(uri)))
                    .forEach(object::add);
            if (report.getComment() != null) {
                flag.put("content", report.getComment());
            }
            Instant now = clock.instant();
            outbox.send(s, instance, Activity.fromJson(flag), List.of(account), false);
            report.forwarded(now);
            log.record(s, report.getCommunity(), ModerationActionKind.REPORT_FORWARDED, account.getUri(), publicReason,
                    moderatorId.orElse(null), now);
            return new Forwarding(true, now);
        });
    }

    /**
     * What asking to forward a report did.
     *
     * @param sentNow whether the {@code Flag} was sent by this request (false: it had been before, nothing was sent)
     * @param at      when the report was sent to the account's server
     */
    public record Forwarding(boolean sentNow, Instant at) {
    }

    /**
     * The open report, locked until the caller's transaction ends: two moderators acting on it at once (or one who
     * taps twice) take turns, so the second sees what the first did; unlocked, both forwarded it and Mastodon got
     * the same report twice.
     */
    private static ReportEntity open(Session s, long reportId, Optional<Long> moderatorId) {
        ReportEntity r = s.find(ReportEntity.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.getState() != ReportEntity.State.OPEN) {
            throw new NotFoundException("No open report " + reportId);
        }
        if (moderatorId.isPresent()) {
            boolean allowed = r.getCommunity() == null ? ModeratorRepository.isOperator(s, moderatorId.get())
                    : Moderators.moderates(s, moderatorId.get(), r.getCommunity().getId());
            if (!allowed) {
                throw new ForbiddenException("Only the community's moderators may act on report " + reportId);
            }
        }
        return r;
    }

    /** What a reported id is: the account behind it, the community it is in (a local one, or null) and the post. */
    private record Target(ActorEntity account, ActorEntity community, List<String> content) {
    }

    private static Optional<Target> target(Session s, String uri) {
        Optional<ProposalEntity> p = ProposalRepository.byUri(s, uri).filter(x -> !x.isDeleted());
        if (p.isPresent()) {
            return Optional.of(new Target(p.get().getAuthor(), deciding(s, p.get().getGroup()), List.of(uri)));
        }
        Optional<ResponseEntity> r = ResponseRepository.byUri(s, uri);
        if (r.isPresent()) {
            return Optional.of(new Target(r.get().getResponder(), deciding(s, r.get().getProposal().getGroup()),
                    List.of(uri)));
        }
        Optional<ConversationMessageEntity> m = ConversationMessageRepository.byUri(s, uri);
        if (m.isPresent()) {
            return Optional.of(new Target(m.get().getSender(), deciding(s, m.get().getResponse().getProposal().getGroup()),
                    List.of(uri)));
        }
        return ActorRepository.byUri(s, uri).filter(a -> !a.isDeleted() && a.getKind() != ActorKind.APPLICATION)
                .map(a -> new Target(a, null, List.of()));
    }

    /**
     * The community here whose moderators decide about a post in {@code group}: that community when it is ours; when
     * it is another server's, the one community here linking to it, whose board shows the post (its moderators decide
     * what shows there). Null, for the operators, when there is no community, or when several here link to it: the
     * report cannot tell from which board it came, and the operators see every report.
     */
    private static ActorEntity deciding(Session s, ActorEntity group) {
        if (group != null && group.isLocal()) {
            return group;
        }
        List<Long> boards = BlockedCopies.boardsShowing(s, group);
        return boards.size() == 1 ? s.find(ActorEntity.class, boards.get(0)) : null;
    }

    private static ActorEntity localGroup(ActorEntity group) {
        return group != null && group.isLocal() ? group : null;
    }

    /** Whether the report is about the very posts {@code content} (none: the account itself), in any order. */
    private static boolean sameContent(ReportEntity report, List<String> content) {
        return new HashSet<>(report.getContentUris()).equals(new HashSet<>(content));
    }

    private static boolean reportsRejected(Session s, String actorUri) {
        String host = BlockedDomains.hostOf(actorUri);
        if (host == null) {
            return true;
        }
        for (String name : DomainNames.coveringNames(host)) {
            Optional<DomainBlockEntity> block = DomainBlockRepository.byDomain(s, name);
            if (block.isPresent()) {
                return block.get().isRejectReports();
            }
        }
        return false;
    }

    private static List<String> objectIds(Activity flag) {
        List<String> ids = new ArrayList<>();
        var node = flag.raw().get("object");
        if (node == null) {
            return ids;
        }
        for (var item : node.isArray() ? node : List.of(node)) {
            String id = item.isTextual() ? item.asText() : item.path("id").asText(null);
            if (id != null && !id.isBlank()) {
                ids.add(id);
            }
        }
        return ids;
    }
}
