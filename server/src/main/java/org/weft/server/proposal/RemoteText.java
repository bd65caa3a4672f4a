package org.weft.server.proposal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.weft.activitypub.content.HtmlSanitizer;

/**
 * A title and a description read out of a post's HTML. Weft's own content starts with a line like
 * "OFFER · Food · Block 3" and ends with the respond link and hashtags; those lines are dropped so
 * a remote proposal reads the same here as where it was written.
 */
final class RemoteText {
    private static final int TITLE_LENGTH = ProposalRules.MAX_TITLE;

    record TitleAndDescription(String title, String description) {
    }

    private RemoteText() {
    }

    static TitleAndDescription of(String html) {
        String text = HtmlSanitizer.toPlainText(html == null ? "" : html);
        List<String> paragraphs = new ArrayList<>(Arrays.stream(text.split("\\R\\s*\\R|\\R"))
                .map(String::strip).filter(p -> !p.isEmpty()).toList());
        if (paragraphs.size() > 1 && paragraphs.getFirst().contains(" · ")) {
            paragraphs.removeFirst();
        }
        paragraphs.removeIf(p -> p.matches("^\\S+.*#\\S+$") && p.chars().filter(c -> c == '#').count() >= 1
                && p.split("\\s+").length <= 6);
        if (paragraphs.isEmpty()) {
            return new TitleAndDescription("(no text)", "");
        }
        String first = paragraphs.removeFirst();
        String title = first.codePointCount(0, first.length()) <= TITLE_LENGTH ? first : shorten(first);
        String description = String.join("\n\n", paragraphs);
        if (!title.equals(first)) {
            description = description.isEmpty() ? first : first + "\n\n" + description;
        }
        return new TitleAndDescription(title, truncate(description, ProposalRules.MAX_DESCRIPTION));
    }

    private static String shorten(String text) {
        int end = text.offsetByCodePoints(0, TITLE_LENGTH - 1);
        int space = text.lastIndexOf(' ', end);
        return text.substring(0, space > TITLE_LENGTH / 2 ? space : end).strip() + "…";
    }

    private static String truncate(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }
}
