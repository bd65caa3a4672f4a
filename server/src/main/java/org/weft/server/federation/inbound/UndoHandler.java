package org.weft.server.federation.inbound;

import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.follow.FollowService;

/**
 * {@code Undo}: for now only of a Follow. The undone activity must be the Undo's actor's own, so nobody
 * can cancel somebody else's follow.
 */
public final class UndoHandler implements ActivityHandler {
    private final FollowService follows;

    public UndoHandler(FollowService follows) {
        this.follows = follows;
    }

    @Override
    public void handle(Activity undo) throws IgnoredActivity {
        Activity inner = undo.objectAsActivity()
                .orElseThrow(() -> new IgnoredActivity("Undo without an embedded activity"));
        if (!undo.actor().equals(inner.actor())) {
            throw new IgnoredActivity("Undo of an activity by someone else (" + inner.actor() + ")");
        }
        if (!"Follow".equals(inner.type())) {
            throw new IgnoredActivity("Undo of " + inner.type() + " is not handled yet");
        }
        follows.undoReceived(undo, inner);
    }
}
