/**
 * Moderation of communities: who moderates which community ({@code Moderators}: members chosen for it, and the
 * operators, who moderate them all), and the posts waiting for a moderator ({@code ModerationService}).
 */
package org.weft.server.domain.moderation;
