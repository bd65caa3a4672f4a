package org.weft.server.federation.inbound;

import org.weft.server.domain.post.IgnoredPost;

/** An activity that is understood but must change nothing (for example an Undo of someone else's Follow). */
public final class IgnoredActivity extends Exception {
    public IgnoredActivity(String reason) {
        super(reason);
    }

    /** The domain found that the post this activity carries changes nothing, for this reason. */
    IgnoredActivity(IgnoredPost post) {
        super(post.getMessage());
    }
}
