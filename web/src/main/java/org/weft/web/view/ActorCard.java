package org.weft.web.view;

/**
 * An actor as a profile page shows it. {@code summaryHtml} must already be sanitised by the caller.
 *
 * @param kindLabel "Community" or "Member"
 * @param handle    the full {@code @name@host} handle that people copy into Mastodon's search
 */
public record ActorCard(String displayName, String handle, String kindLabel, String summaryHtml, String actorUrl,
                        long followers, long following, String username) {
}
