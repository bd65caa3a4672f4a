package org.weft.server.domain.post;

/**
 * A post that is understood but changes nothing here (a reply to nothing of ours, a proposal from someone nobody here
 * follows, a post claiming another server's id); the reason says which. Not worth trying again.
 */
public final class IgnoredPost extends Exception {
    public IgnoredPost(String reason) {
        super(reason);
    }
}
