package org.weft.server.domain.follow;

import java.time.Instant;

/**
 * A follower of a local actor, as whoever decides for that actor sees it.
 *
 * @param actorUri    the follower's ActivityPub id
 * @param handle      {@code @name@host}
 * @param displayName the name the follower gives itself
 * @param waiting     whether the follow waits for a decision (the actor requires approval)
 * @param approved    whether it also receives what is not public: approved by a moderator (or the member), or a
 *                    community this community follows back (a link)
 * @param linked      whether it is a community this community follows (the operator linked them)
 * @param since       when the follow was asked for
 */
public record Follower(String actorUri, String handle, String displayName, boolean waiting, boolean approved,
                       boolean linked, Instant since) {
}
