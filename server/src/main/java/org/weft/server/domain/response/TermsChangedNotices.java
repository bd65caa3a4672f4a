package org.weft.server.domain.response;

import java.time.Clock;
import java.time.Instant;

import org.hibernate.Session;
import org.weft.server.domain.moderation.AccountBlocks;
import org.weft.server.domain.proposal.TermsChanged;
import org.weft.server.model.NotificationKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;

/**
 * Tells the members of this instance a proposal was promised to that its author changed what it offers or asks for
 * ({@link TermsChanged}): each one whose response the author accepted gets one notification per change
 * ({@code edited-after-accept}), which leads to the conversation of their response: the responder to a local proposal,
 * or, for a copy of another Weft instance's proposal, the member here whose agreement offer its author accepted (its
 * owner's Update brought the change). Nobody else: a responder still waiting for a decision, or declined, agreed to
 * nothing yet and reads the proposal as it is now; nor a member who blocked that owner since
 * ({@link AccountBlocks#blockedInConversation}), whom nothing of theirs reaches.
 * <p>
 * Nothing is sent to another server. A responder on another Weft instance is told by that instance, which holds a copy
 * and receives the same Update; someone on Mastodon sees the edited post in their timeline, as edits show there.
 */
public final class TermsChangedNotices implements TermsChanged {
    public static final String NOTIFY = NotificationKind.EDITED_AFTER_ACCEPT.wire();

    private final Clock clock;

    public TermsChangedNotices(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void termsChanged(Session s, ProposalEntity p) {
        Instant now = clock.instant();
        for (ResponseEntity r : ResponseRepository.acceptedTo(s, p)) {
            ActorEntity responder = r.getResponder();
            // Not to a member who blocked the author elsewhere since: a title he rewrites is no news of his for her.
            if (responder.isLocal() && !responder.isDeleted()
                    && !AccountBlocks.blockedInConversation(s, r, p.getAttributedTo())) {
                s.persist(new NotificationEntity(responder.getId(), NOTIFY, p.getId(), r.getId(), now));
            }
        }
    }
}
