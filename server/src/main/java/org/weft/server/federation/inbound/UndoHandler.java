package org.weft.server.federation.inbound;

import java.util.Set;

import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.follow.FollowService;
import org.weft.server.domain.proposal.Thanks;

/**
 * {@code Undo} of a Follow, or of a Like or emoji reaction (its thanks are taken back). The undone activity must be
 * the Undo's actor's own, so nobody can cancel somebody else's follow or thanks. A Like may be named by its id alone
 * (not embedded): the thanks kept for that id are the actor's own or nothing happens.
 */
public final class UndoHandler implements ActivityHandler {
    private static final Set<String> THANKS = Set.of("Like", "EmojiReact");

    private final FollowService follows;
    private final Thanks thanks;

    public UndoHandler(FollowService follows, Thanks thanks) {
        this.follows = follows;
        this.thanks = thanks;
    }

    @Override
    public void handle(Activity undo) throws IgnoredActivity {
        Activity inner = undo.objectAsActivity().orElse(null);
        if (inner == null) {
            String undoneId = undo.object() == null ? null : undo.object().id();
            if (undoneId != null && thanks.undone(undoneId, undo.actor())) {
                return;
            }
            throw new IgnoredActivity("Undo without an embedded activity, and of no thanks kept here");
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
        if (!"Follow".equals(inner.type())) {
            throw new IgnoredActivity("Undo of " + inner.type() + " is not handled");
        }
        follows.undoReceived(undo, inner);
    }
}
