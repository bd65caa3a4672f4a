/**
 * The HTML of posts: sanitising what members and other servers send to what Mastodon keeps
 * ({@link org.weft.activitypub.content.HtmlSanitizer}), plain text for classification and search, and hashtag and
 * mention links that always match the post's {@code tag} entries ({@link org.weft.activitypub.content.HashtagLinks}).
 *
 * <p>Everything here is a pure function of its input; jsoup is used only inside this package.
 */
package org.weft.activitypub.content;
