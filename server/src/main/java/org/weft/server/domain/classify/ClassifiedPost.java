package org.weft.server.domain.classify;

import java.util.List;

/**
 * What the classifier made of a post, and its two best readings of it (the first is the classification's own), for a
 * moderator to choose from when the classifier is not sure.
 *
 * @param result   the classification
 * @param readings empty when the post neither offers nor asks; else the classification's reading and, when the
 *                 post's words allow another, the next best
 */
public record ClassifiedPost(Classification result, List<PostReading> readings) {
    public ClassifiedPost {
        readings = List.copyOf(readings);
    }
}
