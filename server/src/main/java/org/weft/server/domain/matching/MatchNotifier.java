package org.weft.server.domain.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.weft.server.domain.moderation.AccountBlocks;
import org.weft.server.domain.proposal.AreaNames;
import org.weft.server.domain.response.DirectMessages;
import org.weft.server.model.Audience;
import org.weft.server.model.NotificationKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FediverseAccountEntity;
import org.weft.server.persistence.MatchEntity;
import org.weft.server.persistence.MemberSettingEntity;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.NotificationRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;
import org.weft.web.i18n.Messages;

/**
 * Tells the local member(s) of a new match: a notification row naming the match, and a direct message from the
 * community, in the member's own language, when the member linked a fediverse account, unless their proposal is
 * anonymous or the other is for a community's members only. The message shows only what the other proposal already
 * shows to anyone (its title, area and address); the remote member is not named, and nothing at all goes to the other
 * side's server.
 *
 * <p>At most one notification (and one message) per proposal per hour: the first match of the hour makes one, and
 * later ones only raise its count ("5 new matches"), so a flood of proposals cannot flood a member.
 */
final class MatchNotifier {
    static final String KIND = NotificationKind.MATCH.wire();
    /** A proposal's match notification gathers the matches of this long after it was made. */
    static final Duration DIGEST = Duration.ofHours(1);
    /** A match of the member's was withdrawn because the other proposal is no longer available here. */
    static final String KIND_GONE = NotificationKind.MATCH_GONE.wire();

    private final DirectMessages direct;
    private final ReasonText words;
    private final Clock clock;

    MatchNotifier(DirectMessages direct, ReasonText words, Clock clock) {
        this.direct = direct;
        this.words = words;
        this.clock = clock;
    }

    void tell(Session s, List<MatchEntity> fresh) {
        for (MatchEntity m : fresh) {
            ProposalEntity request = s.find(ProposalEntity.class, m.getRequestId());
            ProposalEntity offer = s.find(ProposalEntity.class, m.getOfferId());
            // A match that comes back (withdrawn, then new again) is not news to a member who dismissed it.
            if (request.isLocal() && m.getRequestDismissedAt() == null) {
                tellAuthor(s, m, request, offer);
            }
            if (offer.isLocal() && m.getOfferDismissedAt() == null) {
                tellAuthor(s, m, offer, request);
            }
        }
    }

    /**
     * Tells the local member(s) on the other side of each of these matches, withdrawn because proposal {@code goneId}
     * stopped being available (closed, deleted, no longer held through a link), that the match is gone; not a member
     * who had dismissed it, nor one whose own response to it was accepted (it closed because it is now promised to
     * them: they were told so, and "gone" would only confuse; an acceptance from another server that arrives after
     * its proposal's change takes the unread notice back, {@code NotificationRepository.retractMatchGone}), nor one
     * whose own proposal is gone ({@link #ownGone}). Only a notification: the match stays listed as withdrawn.
     */
    void tellGone(Session s, List<MatchEntity> withdrawn, long goneId) {
        ProposalEntity gone = s.find(ProposalEntity.class, goneId);
        for (MatchEntity m : withdrawn) {
            boolean mineIsRequest = m.getRequestId() != goneId;
            ProposalEntity mine = s.find(ProposalEntity.class, mineIsRequest ? m.getRequestId() : m.getOfferId());
            boolean dismissed = (mineIsRequest ? m.getRequestDismissedAt() : m.getOfferDismissedAt()) != null;
            if (mine.isLocal() && !ownGone(mine) && !dismissed && !promisedTo(s, gone, mine.getAuthor().getId())
                    && !hiddenByBlock(s, mine, gone)) {
                s.persist(NotificationEntity.ofMatch(mine.getAuthor().getId(), KIND_GONE, mine.getId(), m.getId(),
                        clock.instant()));
            }
        }
        settle(s, List.of(goneId));
    }

    /**
     * The matches of these proposals were withdrawn: a "new match" notice that stands for one of them alone, not yet
     * read, is no news any more and is marked read (the member who opens it would find the match withdrawn).
     */
    void settle(Session s, Collection<Long> proposalIds) {
        NotificationRepository.readNoticesOfWithdrawnMatches(s, proposalIds, clock.instant());
    }

    /**
     * Whether the member's own proposal is no longer theirs to match: withdrawn or deleted by them, or hidden by a
     * moderator (they were told so). Its matches were withdrawn with it; if the other side's change is heard first
     * (a moderator's decision reaches the matcher at its next look), "the other proposal changed" would blame the
     * wrong side.
     */
    private static boolean ownGone(ProposalEntity mine) {
        return mine.isDeleted() || mine.getStatus() == ProposalStatus.WITHDRAWN || mine.isHeldByModerator();
    }

    /**
     * Whether the member's own answer to {@code gone} was accepted. Read under the answers' row locks: another server's
     * Accept being kept at this moment is waited for and seen, and one kept after this notice takes it back
     * ({@code AgreementService.answerReceived}); read without them, an Accept committed while this transaction ran
     * was missed, and its take-back ran before the notice existed.
     */
    private static boolean promisedTo(Session s, ProposalEntity gone, long memberId) {
        return gone != null && ResponseRepository.lockByMemberTo(s, gone, memberId).stream()
                .anyMatch(r -> r.getState() == ResponseEntity.State.ACCEPTED);
    }

    /**
     * Whether the member, or the community of their proposal {@code mine}, blocked the author of {@code other} (or the
     * community refuses its server): nothing of it reaches them, a match neither, nor the news that one is gone (they
     * were never shown it: {@code MatchRepository.ofMember} leaves it out).
     */
    private static boolean hiddenByBlock(Session s, ProposalEntity mine, ProposalEntity other) {
        return other != null && AccountBlocks.blockedOn(s, mine, other.getAuthor());
    }

    private void tellAuthor(Session s, MatchEntity m, ProposalEntity mine, ProposalEntity other) {
        Long memberId = mine.getAuthor().getId();
        if (hiddenByBlock(s, mine, other)) {
            return;
        }
        Instant now = clock.instant();
        Optional<NotificationEntity> digest = NotificationRepository.latestSince(s, memberId, KIND, mine.getId(),
                now.minus(DIGEST));
        // A match that comes back after the member was told one was gone (a link made again, a proposal reopened) is
        // announced afresh, so the newest word on it is not "gone"; otherwise the hour's digest counts it.
        if (digest.isPresent() && NotificationRepository.latestSince(s, memberId, KIND_GONE, mine.getId(),
                digest.get().getCreatedAt()).isEmpty()) {
            digest.get().countOneMore();
            return;
        }
        s.persist(NotificationEntity.ofMatch(memberId, KIND, mine.getId(), m.getId(), now));
        // The message goes to another server (the member's own account's). One posted anonymously is not tied to the
        // member's account there (its server and operators would learn who asked), and someone else's post for its
        // community's members only stays among them (the member's own is theirs to send). The notification is enough.
        if (mine.getAudience() == Audience.ANONYMOUS || other.getAudience() == Audience.COMMUNITY) {
            return;
        }
        FediverseAccountEntity account = s.find(FediverseAccountEntity.class, memberId);
        if (account == null || mine.getGroup() == null) {
            return;
        }
        MemberSettingEntity setting = s.find(MemberSettingEntity.class, memberId);
        Messages language = Messages.forLanguage(setting == null ? null : setting.getLanguage());
        String area = other.getAreaName() == null ? null : AreaNames.read(s).name(other, language);
        ActorRepository.byUri(s, account.getActorUri()).filter(a -> !a.isDeleted()).ifPresent(to ->
                direct.send(s, mine.getGroup(), to, null, message(m, mine, other, area, language)));
    }

    /**
     * The message, in the member's page language (English when they chose none); {@code area} is the other proposal's,
     * in that language too, or null.
     */
    String message(MatchEntity m, ProposalEntity mine, ProposalEntity other, String area, Messages l) {
        String where = area == null ? "" : l.get("notification.matchDirect.area", area);
        String intro = mine.getPurpose() == Purpose.REQUEST ? "notification.matchDirect.forRequest"
                : "notification.matchDirect.forOffer";
        return l.get(intro, mine.getTitle(), other.getTitle(), where) + "\n"
                + l.get("notification.matchDirect.why", words.words(Reason.decodeAll(m.getReasons()), l)) + "\n"
                + other.getUri() + "\n"
                + l.get("notification.matchDirect.nothingSent");
    }
}
