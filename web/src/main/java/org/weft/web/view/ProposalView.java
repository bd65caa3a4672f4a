package org.weft.web.view;

import java.util.List;

/**
 * One proposal as its page shows it. Every string is plain text (the template escapes it);
 * {@code descriptionParagraphs} are the description split at blank lines.
 */
public record ProposalView(String lang, boolean rightToLeft, String purposeLabel, String statusLabel, boolean open,
                           String title, List<String> descriptionParagraphs, List<String> categories, String area,
                           String until, String authorName, String communityName, String communityHandle, String url,
                           List<ResponseView> responses) {

    /** A public answer shown under the proposal. */
    public record ResponseView(String from, String text, String when) {
    }
}
