package org.weft.server.domain.moderation;

/**
 * Someone who moderates a community: a member chosen for it, or an operator (who moderates every community).
 *
 * @param memberId    the member's actor id
 * @param username    the member's username here
 * @param displayName the member's name as they wrote it
 * @param actorUri    the member's ActivityPub id (what the Group's moderators collection lists)
 * @param operator    whether they moderate as an operator of this server rather than by being chosen
 */
public record Moderator(long memberId, String username, String displayName, String actorUri, boolean operator) {
}
