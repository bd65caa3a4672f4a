package org.weft.server.domain.proposal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.domain.RemoteTexts;
import org.weft.web.i18n.Messages;

/**
 * A title and a description read out of a post's HTML, under the rules of text typed here
 * ({@link RemoteTexts#asTyped}). Weft's own content starts with a line like "OFFER · Food · Block 3" and ends with the
 * respond link and hashtags; those lines are dropped so a remote proposal reads the same here as where it was written.
 */
final class RemoteText {
    private static final int TITLE_LENGTH = ProposalRules.MAX_TITLE;
    /**
     * Lines Weft itself adds after the description, in every language it writes: the quantity, the end
     * date, and the respond link followed by hashtags. Built from the same message bundle that wrote them.
     */
    private static final List<Pattern> GENERATED_LINES = generatedLines();
    /**
     * The handles a post opens with ("@block3 @rosa@example.social ..."): Mastodon puts the people and communities a
     * post is addressed to first. They say who it is for, not what is offered, so a title does not begin with them.
     */
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(?:@[\\p{L}\\p{N}_.-]+(?:@[\\p{L}\\p{N}_.-]+)?[\\s,:]*)+");

    record TitleAndDescription(String title, String description) {
    }

    private RemoteText() {
    }

    static TitleAndDescription of(String html) {
        String text = RemoteTexts.asTyped(HtmlSanitizer.toPlainText(html == null ? "" : html));
        List<String> paragraphs = new ArrayList<>(Arrays.stream(text.split("\\R\\s*\\R|\\R"))
                .map(String::strip).filter(p -> !p.isEmpty()).toList());
        if (paragraphs.size() > 1 && paragraphs.getFirst().contains(" · ")) {
            paragraphs.removeFirst();
        }
        paragraphs.removeIf(p -> GENERATED_LINES.stream().anyMatch(pattern -> pattern.matcher(p).matches()));
        List<String> addressed = List.copyOf(paragraphs);
        while (!paragraphs.isEmpty() && LEADING_MENTIONS.matcher(paragraphs.getFirst()).lookingAt()) {
            String rest = LEADING_MENTIONS.matcher(paragraphs.removeFirst()).replaceFirst("").strip();
            if (!rest.isEmpty()) {
                paragraphs.addFirst(rest);
                break;
            }
        }
        if (paragraphs.isEmpty()) {
            paragraphs.addAll(addressed); // a post of handles only: they are all it says
        }
        if (paragraphs.isEmpty()) {
            return new TitleAndDescription("", ""); // the caller names it from what it offers or asks for
        }
        String first = paragraphs.removeFirst();
        String title = first.codePointCount(0, first.length()) <= TITLE_LENGTH ? first : shorten(first);
        String description = String.join("\n\n", paragraphs);
        if (!title.equals(first)) {
            description = description.isEmpty() ? first : first + "\n\n" + description;
        }
        return new TitleAndDescription(title, truncate(description, ProposalRules.MAX_DESCRIPTION));
    }

    private static List<Pattern> generatedLines() {
        List<Pattern> patterns = new ArrayList<>();
        for (String lang : Messages.LANGUAGES) {
            Messages m = Messages.forLanguage(lang);
            for (String key : List.of("wire.until", "wire.quantity")) {
                String[] parts = m.get(key, "\u0000", "\u0001").split("[\u0000\u0001]", -1);
                patterns.add(Pattern.compile(
                        String.join(".*", Arrays.stream(parts).map(part -> Pattern.quote(part.strip())).toList()),
                        Pattern.DOTALL));
            }
            patterns.add(Pattern.compile(Pattern.quote(m.get("wire.respond")) + "(\\s+#\\S+)*"));
        }
        return List.copyOf(patterns);
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
