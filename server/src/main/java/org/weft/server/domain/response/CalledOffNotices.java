package org.weft.server.domain.response;

import java.time.Clock;

import org.hibernate.Session;
import org.weft.server.domain.proposal.CalledOff;
import org.weft.server.model.NotificationKind;
import org.weft.server.persistence.ProposalEntity;

/**
 * Tells the people a proposal was promised to that its author called it off ({@link CalledOff}): the responders whose
 * response the author accepted, and nobody else. A responder still waiting for a decision, or declined, is not told:
 * nothing was arranged with them, and their conversation says it is closed when they open it.
 * <ul>
 * <li>A member of this instance is notified ({@code called-off}), which leads to the conversation of their response,
 * closed: the responder to a local proposal, or, for a copy of another Weft instance's proposal, the member here whose
 * agreement offer its author accepted (its owner's Update or Delete brought the news).</li>
 * <li>Someone on another server who answered a local proposal with a post (Mastodon) gets one direct Note from the
 * proposal's actor, as the hand-off reached them, in the author's language. It is kept as the last message of the
 * conversation, so the author sees what was said for them, and a reply to it is known as one to a closed conversation
 * (not taken for a new answer). A responder on another Weft instance (an agreement offer) gets no Note: their instance
 * holds the copy, receives the same Update or Delete, and tells them in their own language.</li>
 * </ul>
 * For an anonymous request the community speaks, as everywhere in its conversations: the Note comes from it, in the
 * request's own language, and says nothing of the member behind it.
 */
public final class CalledOffNotices implements CalledOff {
    public static final String NOTIFY = NotificationKind.CALLED_OFF.wire();

    private final NotesToResponders notes;
    private final Clock clock;

    public CalledOffNotices(DirectMessages direct, Clock clock) {
        this.notes = new NotesToResponders(direct);
        this.clock = clock;
    }

    @Override
    public void calledOff(Session s, ProposalEntity p) {
        notes.tellAccepted(s, p, NOTIFY, "conversation.calledOffNote", clock.instant());
    }
}
