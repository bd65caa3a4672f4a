/**
 * Moderation of communities: who moderates which community ({@code Moderators}: members chosen for it, and the
 * operators, who moderate them all), and the posts waiting for a moderator ({@code ModerationService}; as a community's
 * moderators decide them on the page, with the classifier's readings to choose from: {@code ModerationQueue}).
 */
package org.weft.server.domain.moderation;
