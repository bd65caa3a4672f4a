package org.weft.server.domain.matching;

import java.time.Clock;
import java.util.List;
import org.hibernate.Session;
import org.weft.server.domain.response.DirectMessages;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FediverseAccountEntity;
import org.weft.server.persistence.MatchEntity;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.ProposalEntity;

/**
 * Tells the local member(s) of a new match: a notification row, and a direct message from the community
 * when the member linked a fediverse account. The message shows only what the other proposal already
 * shows to anyone who can see it (its title, area and address); the remote member is not named, and
 * nothing at all goes to the other side's server.
 */
final class MatchNotifier {
    static final String KIND = "match";
    /** A match of the member's was withdrawn because the other proposal is no longer available here. */
    static final String KIND_GONE = "match-gone";

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
     * who had dismissed it. Only a notification: the match stays listed as withdrawn.
     */
    void tellGone(Session s, List<MatchEntity> withdrawn, long goneId) {
        for (MatchEntity m : withdrawn) {
            boolean mineIsRequest = m.getRequestId() != goneId;
            ProposalEntity mine = s.find(ProposalEntity.class, mineIsRequest ? m.getRequestId() : m.getOfferId());
            boolean dismissed = (mineIsRequest ? m.getRequestDismissedAt() : m.getOfferDismissedAt()) != null;
            if (mine.isLocal() && !mine.isDeleted() && !dismissed) {
                s.persist(new NotificationEntity(mine.getAuthor().getId(), KIND_GONE, mine.getId(), null, clock.instant()));
            }
        }
    }

    private void tellAuthor(Session s, MatchEntity m, ProposalEntity mine, ProposalEntity other) {
        Long memberId = mine.getAuthor().getId();
        s.persist(new NotificationEntity(memberId, KIND, mine.getId(), null, clock.instant()));
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
