package org.weft.web.view;

/**
 * One notification: what happened, in the member's language, a link to what it is about, when, and for a message the
 * words themselves (which only the member ever sees). Plain text.
 *
 * @param url    where its link goes (it marks the notification read on the way)
 * @param text   the words of a message, or null
 * @param unread whether the member has not opened or marked it yet
 */
public record NotificationRow(long id, String title, String url, String text, String when, boolean unread) {
}
