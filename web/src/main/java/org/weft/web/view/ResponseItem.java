package org.weft.web.view;

/**
 * One of the member's own responses on "My responses": what it answered (a link to the proposal's page when there is
 * one here), what they wrote, its state, and its conversation.
 *
 * @param proposalUrl the proposal's page, or null when it has none to show (withdrawn, deleted; a copy from another
 *                    server also once an unlink detached it, or blocked where it is held): never a page that says 404
 * @param pageUrl     the conversation's own page
 */
public record ResponseItem(String proposalTitle, String proposalUrl, String text, String when, String state,
                           String pageUrl, ConversationView conversation) {
}
