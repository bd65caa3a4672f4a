package org.weft.server.federation.inbound;

import org.weft.activitypub.vocab.Activity;
import org.weft.server.federation.FollowService;

/** {@code Accept} or {@code Reject} of a Follow that a local actor sent. */
public final class FollowAnswerHandler implements ActivityHandler {
    private final FollowService follows;
    private final boolean accepted;

    public FollowAnswerHandler(FollowService follows, boolean accepted) {
        this.follows = follows;
        this.accepted = accepted;
    }

    @Override
    public void handle(Activity answer) throws IgnoredActivity {
        if (answer.object() == null) {
            throw new IgnoredActivity(answer.type() + " without an object");
        }
        // An embedded object must be a Follow whose object is the answering actor.
        var inner = answer.objectAsActivity();
        if (inner.isPresent() && (!"Follow".equals(inner.get().type())
                || inner.get().object() == null || !answer.actor().equals(inner.get().object().id()))) {
            throw new IgnoredActivity(answer.type() + " of something other than a Follow of its actor");
        }
        follows.answerReceived(answer, accepted);
    }
}
