package org.weft.web.view;

/**
 * A proposal in a list (a board, "my proposals"). Plain text throughout.
 *
 * @param purpose "offer" or "request" (a CSS class), {@code status} the status's wire name, or "hidden" once a moderator
 *                hid it (also a CSS class)
 * @param lang    the language its author wrote the title and excerpt in
 * @param origin  where it comes from, in words, when it was not posted here (a linked community, a follower's post
 *                from another server); null for the community's own proposals
 */
public record ProposalCard(String url, String purpose, String purposeLabel, String status, String statusLabel,
                           String title, String excerpt, String categories, String area, String until, String author,
                           String lang, String origin) {
}
