package org.weft.web.view;

import java.util.List;

/**
 * One proposal as its page shows it. Every string is plain text (the template escapes it); {@code lang} is the
 * language the author wrote in, carried by the title and description only (the labels around them are in the
 * reader's language); {@code descriptionParagraphs} are the description split at blank lines. The author sees the
 * responses with accept and decline buttons and the actions the lifecycle allows now ({@code nextStatuses},
 * {@code canRenew}, {@code canEdit}, and deleting); another logged-in member sees the respond form.
 *
 * @param authorName   who posted it, or null when it was posted under the community's name (shown once, as the community)
 * @param categories   each category with its tag page
 * @param communityUrl the community's page; {@code boardUrl} its offers and requests
 * @param notice       what the reader's last action here did, or null
 * @param loginUrl     the login page that comes back here, for visitors
 * @param thanks       how many people thanked it ("3 thanks"), or null when nobody has: never who
 */
public record ProposalView(String lang, String purposeLabel, String statusLabel, boolean open, String title,
                           List<String> descriptionParagraphs, List<Link> categories, String area, String until,
                           String authorName, String communityName, String communityHandle, String communityUrl,
                           String boardUrl, String url, List<ResponseView> responses, String quantity, String kind,
                           boolean author, boolean canRespond, List<Option> nextStatuses, Notice notice, String loginUrl,
                           String thanks, boolean canRenew, boolean canEdit) {

    /**
     * An answer shown under the proposal; {@code id}, {@code canAccept} and {@code canDecline} serve the author's
     * buttons (each offered only when the server would do it); {@code remote}: from an account on another server,
     * which the reader may block for themselves.
     */
    /** @param handle the responder's {@code @name@server} when they are on another server (null: a member here) */
    public record ResponseView(String from, String handle, String text, String when, long id, String state,
                               boolean canAccept, boolean canDecline) {
        /** Whether the responder is on another server. */
        public boolean remote() {
            return handle != null;
        }
    }
}
