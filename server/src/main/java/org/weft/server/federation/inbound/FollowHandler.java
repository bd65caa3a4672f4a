package org.weft.server.federation.inbound;

import java.io.IOException;

import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.follow.FollowService;

/** {@code Follow}: someone wants to follow a local member or community. */
public final class FollowHandler implements ActivityHandler {
    private final FollowService follows;

    public FollowHandler(FollowService follows) {
        this.follows = follows;
    }

    @Override
    public void handle(Activity follow) throws IOException, IgnoredActivity {
        if (follow.object() == null || follow.object().id() == null) {
            throw new IgnoredActivity("Follow without an object");
        }
        follows.followReceived(follow);
    }
}
