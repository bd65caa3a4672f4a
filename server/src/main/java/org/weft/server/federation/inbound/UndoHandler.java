package org.weft.server.federation.inbound;

import java.util.Set;

import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.follow.FollowService;
import org.weft.server.domain.proposal.Thanks;
import org.weft.server.domain.response.TakenBackAnswers;

/**
 * {@code Undo} of a Follow, of a Like or emoji reaction (its thanks are taken back), or of the FEP-0837 Offer that
 * answered a proposal here (the answer is taken back: {@link TakenBackAnswers}). The undone activity must be the Undo's
 * actor's own, so nobody can cancel somebody else's follow, thanks or answer: for an Offer, the answer kept here must
 * have come from the Undo's actor, whatever the embedded Offer claims. A Like or an Offer may be named by its id alone
 * (not embedded): what is kept for that id is the actor's own or nothing happens.
 */
public final class UndoHandler implements ActivityHandler {
    private static final Set<String> THANKS = Set.of("Like", "EmojiReact");

    private final FollowService follows;
    private final Thanks thanks;
    private final TakenBackAnswers answers;

    public UndoHandler(FollowService follows, Thanks thanks, TakenBackAnswers answers) {
        this.follows = follows;
        this.thanks = thanks;
        this.answers = answers;
    }

    @Override
    public void handle(Activity undo) throws IgnoredActivity {
        Activity inner = undo.objectAsActivity().orElse(null);
        if (inner == null) {
            String undoneId = undo.object() == null ? null : undo.object().id();
            if (undoneId != null && thanks.undone(undoneId, undo.actor())) {
                return;
            }
            TakenBackAnswers.Undone undone = undoneId == null ? TakenBackAnswers.Undone.UNKNOWN
                    : answers.undoReceived(undoneId, undo.actor());
            if (undone == TakenBackAnswers.Undone.UNKNOWN) {
                throw new IgnoredActivity("Undo without an embedded activity, and of no thanks kept here"
                        + " nor of an answer's Offer");
            }
            refuseUnlessTakenBack(undone, undoneId);
            return;
        }
        if (!undo.actor().equals(inner.actor())) {
            throw new IgnoredActivity("Undo of an activity by someone else (" + inner.actor() + ")");
        }
        if (THANKS.contains(inner.type())) {
            if (!thanks.undone(inner.id(), undo.actor())) {
                throw new IgnoredActivity("Undo of " + inner.type() + " " + inner.id() + ", which gave no thanks here");
            }
            return;
        }
        if ("Offer".equals(inner.type())) {
            refuseUnlessTakenBack(answers.undoReceived(inner.id(), undo.actor()), inner.id());
            return;
        }
        if (!"Follow".equals(inner.type())) {
            throw new IgnoredActivity("Undo of " + inner.type() + " is not handled");
        }
        follows.undoReceived(undo, inner);
    }

    /** An answer's Offer undone: refused, with why, unless the answer kept for it was the actor's own. */
    private static void refuseUnlessTakenBack(TakenBackAnswers.Undone undone, String offerId) throws IgnoredActivity {
        switch (undone) {
            case TAKEN_BACK -> {
            }
            case UNKNOWN -> throw new IgnoredActivity("Undo of Offer " + offerId + ", which answered nothing here");
            case NOT_OWNER -> throw new IgnoredActivity("Undo of Offer " + offerId + ", an answer by someone else");
        }
    }
}
