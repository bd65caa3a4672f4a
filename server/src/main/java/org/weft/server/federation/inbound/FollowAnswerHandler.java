package org.weft.server.federation.inbound;

import org.weft.activitypub.vocab.Activity;
import org.weft.activitypub.vocab.AgreementAnswer;
import org.weft.server.domain.follow.FollowService;
import org.weft.server.domain.response.AgreementService;

/**
 * {@code Accept} or {@code Reject}: of a Follow that a local actor sent, or (FEP-0837) of an Offer a local
 * member made for a proposal on another instance.
 */
public final class FollowAnswerHandler implements ActivityHandler {
    private final FollowService follows;
    private final AgreementService agreements;
    private final LinkBackfill backfill;
    private final boolean accepted;

    public FollowAnswerHandler(FollowService follows, AgreementService agreements, LinkBackfill backfill,
                               boolean accepted) {
        this.follows = follows;
        this.agreements = agreements;
        this.backfill = backfill;
        this.accepted = accepted;
    }

    @Override
    public void handle(Activity answer) throws IgnoredActivity {
        if (answer.object() == null) {
            throw new IgnoredActivity(answer.type() + " without an object");
        }
        var agreementAnswer = AgreementAnswer.fromActivity(answer);
        if (agreementAnswer.isPresent() && agreements.answerReceived(agreementAnswer.get())) {
            return;
        }
        // An embedded object must be a Follow whose object is the answering actor.
        var inner = answer.objectAsActivity();
        if (inner.isPresent() && (!"Follow".equals(inner.get().type())
                || inner.get().object() == null || !answer.actor().equals(inner.get().object().id()))) {
            throw new IgnoredActivity(answer.type() + " of something other than a Follow of its actor");
        }
        if (follows.answerReceived(answer, accepted)) {
            backfill.linked(answer.actor());
        }
    }
}
