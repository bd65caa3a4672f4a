package org.weft.server.federation.inbound;

import org.weft.server.domain.post.IgnoredPost;

/**
 * An activity that is understood but must change nothing (for example an Undo of someone else's Follow). Its reason is
 * all it carries: it is thrown for every such activity, so it records no stack trace.
 */
public final class IgnoredActivity extends Exception {
    public IgnoredActivity(String reason) {
        super(reason, null, false, false);
    }

    /** The domain found that the post this activity carries changes nothing, for this reason. */
    IgnoredActivity(IgnoredPost post) {
        this(post.getMessage());
    }
}
