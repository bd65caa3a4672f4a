package org.weft.server.domain.response;

import java.time.Clock;

import org.hibernate.Session;
import org.weft.server.domain.proposal.Reopened;
import org.weft.server.model.NotificationKind;
import org.weft.server.persistence.ProposalEntity;

/**
 * Tells the people a proposal was promised to that its author opened it again ({@link Reopened}): the responders whose
 * response the author accepted, and nobody else (one still waiting, or declined, had nothing arranged). Their response
 * stays accepted and their conversation open: the author did not turn them down (a decision is not taken back); but
 * the author is looking for more or other people, so what was arranged may change, and the two settle it there.
 * <ul>
 * <li>A member of this instance is notified ({@code reopened}), which leads to the conversation of their response:
 * the responder to a local proposal, or, for a copy of another Weft instance's proposal, the member here whose
 * agreement offer its author accepted (its owner's Update, status open, brought the news).</li>
 * <li>Someone on another server who answered a local proposal with a post (Mastodon) gets one direct Note from the
 * proposal's actor, in the author's language, kept as the conversation's newest message; they answer it in the same
 * conversation. A responder on another Weft instance gets no Note: their instance holds the copy, receives the same
 * Update, and tells them in their own language.</li>
 * </ul>
 */
public final class ReopenedNotices implements Reopened {
    public static final String NOTIFY = NotificationKind.REOPENED.wire();

    private final NotesToResponders notes;
    private final Clock clock;

    public ReopenedNotices(DirectMessages direct, Clock clock) {
        this.notes = new NotesToResponders(direct);
        this.clock = clock;
    }

    @Override
    public void reopened(Session s, ProposalEntity p) {
        notes.tellAccepted(s, p, NOTIFY, "conversation.reopenedNote", clock.instant());
    }
}
