package org.weft.web.view;

/**
 * One of the member's own responses on "My responses": what it answered (a link to the proposal's page when there is
 * one here), what they wrote, its state, and its conversation.
 *
 * @param proposalUrl the proposal's page, or null when it has none to show (withdrawn, deleted)
 * @param pageUrl     the conversation's own page
 */
public record ResponseItem(String proposalTitle, String proposalUrl, String text, String when, String state,
                           String pageUrl, ConversationView conversation) {
}
