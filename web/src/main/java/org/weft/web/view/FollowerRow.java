package org.weft.web.view;

/**
 * A follower on the followers page of a community or a member.
 *
 * @param name     the follower's display name
 * @param handle   {@code @name@host}
 * @param actorUri its ActivityPub id (what a decision names)
 * @param status   where it stands, in the reader's language (approved, linked community, public posts only)
 * @param canApprove whether an "approve" button is offered (waiting, or a community's follower not yet approved)
 */
public record FollowerRow(String name, String handle, String actorUri, String status, boolean canApprove) {
}
