package org.weft.server.domain.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.weft.server.domain.response.DirectMessages;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FediverseAccountEntity;
import org.weft.server.persistence.MatchEntity;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.NotificationRepository;
import org.weft.server.persistence.ProposalEntity;

/**
 * Tells the local member(s) of a new match: a notification row, and a direct message from the community
 * when the member linked a fediverse account. The message shows only what the other proposal already
 * shows to anyone who can see it (its title, area and address); the remote member is not named, and
 * nothing at all goes to the other side's server.
 *
 * <p>At most one notification (and one message) per proposal per hour: the first match of the hour makes one, and
 * later ones only raise its count ("5 new matches"), so a flood of proposals cannot flood a member.
 */
final class MatchNotifier {
    static final String KIND = "match";
    /** A proposal's match notification gathers the matches of this long after it was made. */
    static final Duration DIGEST = Duration.ofHours(1);

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

    private void tellAuthor(Session s, MatchEntity m, ProposalEntity mine, ProposalEntity other) {
        Long memberId = mine.getAuthor().getId();
        Instant now = clock.instant();
        Optional<NotificationEntity> digest = NotificationRepository.latestSince(s, memberId, KIND, mine.getId(),
                now.minus(DIGEST));
        if (digest.isPresent()) {
            digest.get().countOneMore();
            return;
        }
        s.persist(new NotificationEntity(memberId, KIND, mine.getId(), null, now));
        FediverseAccountEntity account = s.find(FediverseAccountEntity.class, memberId);
        if (account == null || mine.getGroup() == null) {
            return;
        }
        ActorRepository.byUri(s, account.getActorUri()).filter(a -> !a.isDeleted()).ifPresent(to ->
                direct.send(s, mine.getGroup(), to, null, message(m, mine, other)));
    }

    private String message(MatchEntity m, ProposalEntity mine, ProposalEntity other) {
        String what = other.getPurpose() == org.weft.server.model.Purpose.OFFER ? "an offer" : "a request";
        String where = other.getAreaName() == null ? "" : " (" + other.getAreaName() + ")";
        return "A possible match for your " + mine.getPurpose().name().toLowerCase(java.util.Locale.ROOT) + " \""
                + mine.getTitle() + "\": " + what + " \"" + other.getTitle() + "\"" + where + ".\n"
                + "Why: " + words.english(Reason.decodeAll(m.getReasons())) + ".\n"
                + other.getUri() + "\n"
                + "Nothing has been sent to them; respond to it if you want to get in touch.";
    }
}
