package org.weft.activitypub.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes HTML from members and from other servers safe, keeping exactly what Mastodon (4.2 and later) keeps, so that
 * a post looks the same on Weft as on Mastodon (interop.md §5):
 * <ul>
 *   <li>elements {@code p br span a del pre code em strong b i u ul ol li blockquote}; headings become
 *       {@code <p><strong>…</strong></p>}; any other element is replaced by its text, except those whose content is
 *       not text for people ({@code script}, {@code style}, {@code svg}, {@code iframe}…), which go entirely;</li>
 *   <li>attributes {@code a[href]}, {@code ol[start, reversed]}, {@code li[value]}, {@code class} on {@code a} and
 *       {@code span} limited to the microformat prefixes {@code h- p- u- dt- e-} and {@code mention hashtag ellipsis
 *       invisible}, and {@code translate} on {@code a} and {@code span} (Mastodon sends {@code translate="no"} on
 *       mentions);</li>
 *   <li>links only with the schemes {@code http https dat dweb ipfs ipns ssb gopher xmpp magnet gemini}; a link with
 *       any other scheme, or none, becomes its text. Every link gets {@code rel="nofollow noopener noreferrer"}
 *       (after {@code tag} when the sender marked a hashtag) and {@code target="_blank"}.</li>
 * </ul>
 * Bidirectional override characters are kept but closed within their own text (see {@link BidiControls}).
 * The result is stable: sanitising it again changes nothing.
 */
public final class HtmlSanitizer {

    /** Link schemes Mastodon keeps. */
    public static final Set<String> LINK_SCHEMES = Set.of("http", "https", "dat", "dweb", "ipfs", "ipns", "ssb",
            "gopher", "xmpp", "magnet", "gemini");

    /** Elements removed with everything inside them: code, styles, embedded documents, vector graphics. */
    private static final String DROPPED_WITH_CONTENT = "script, style, iframe, frame, frameset, object, embed, applet, "
            + "svg, math, noscript, noembed, noframes, template, xmp, plaintext, textarea, select, title";
    /** Block elements that are unwrapped; a space around each keeps their words apart. */
    private static final String UNWRAPPED_BLOCKS = "div, section, article, header, footer, aside, nav, main, address, "
            + "figure, figcaption, table, caption, thead, tbody, tfoot, tr, td, th, dl, dt, dd, hr, details, summary";
    private static final Set<String> CLASS_WORDS = Set.of("mention", "hashtag", "ellipsis", "invisible");
    private static final Pattern CLASS_PREFIX = Pattern.compile("(?:h|p|u|dt|e)-[A-Za-z0-9_-]+");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern URL_NOISE = Pattern.compile("[\\t\\n\\r]");
    private static final String REL = "nofollow noopener noreferrer";

    private static final Safelist SAFELIST = Safelist.none()
            .addTags("p", "br", "span", "a", "del", "pre", "code", "em", "strong", "b", "i", "u", "ul", "ol", "li",
                    "blockquote")
            .addAttributes("a", "href", "rel", "class", "translate")
            .addAttributes("span", "class", "translate")
            .addAttributes("ol", "start", "reversed")
            .addAttributes("li", "value");

    private HtmlSanitizer() {
    }

    /**
     * Sanitises HTML to what Mastodon keeps.
     *
     * @param html untrusted HTML, possibly null, broken or hostile
     * @return safe HTML (empty for null)
     */
    public static String sanitize(String html) {
        return sanitize(html, UnaryOperator.identity());
    }

    /**
     * Sanitises HTML to what Mastodon keeps, with each run of its text (entities decoded) passed through
     * {@code textRule} first: the rules of text the caller keeps, which characters written as entities
     * ({@code &#x1b;}) would escape if they were applied to the HTML itself.
     *
     * @param html untrusted HTML, possibly null, broken or hostile
     * @param textRule what each text node's text becomes
     * @return safe HTML (empty for null)
     */
    public static String sanitize(String html, UnaryOperator<String> textRule) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(html);
        dirty.select(DROPPED_WITH_CONTENT).remove();
        dirty.select("h1, h2, h3, h4, h5, h6").forEach(HtmlSanitizer::headingToStrongParagraph);
        dirty.select(UNWRAPPED_BLOCKS).forEach(block -> {
            block.before(new TextNode(" "));
            block.after(new TextNode(" "));
        });

        Document clean = new Cleaner(SAFELIST).clean(dirty);
        Element body = clean.body();
        body.select("a").forEach(HtmlSanitizer::checkLink);
        body.select("[class]").forEach(HtmlSanitizer::filterClasses);
        body.select("[translate]").forEach(el -> {
            String value = el.attr("translate").strip().toLowerCase(Locale.ROOT);
            if (value.equals("no") || value.equals("yes")) {
                el.attr("translate", value);
            } else {
                el.removeAttr("translate");
            }
        });
        body.select("ol[start]").forEach(el -> keepInteger(el, "start"));
        body.select("li[value]").forEach(el -> keepInteger(el, "value"));
        body.select("ol[reversed]").forEach(el -> el.attr("reversed", true));
        for (Element element : body.getAllElements()) {
            element.textNodes().forEach(text -> text.text(BidiControls.balance(textRule.apply(text.getWholeText()))));
        }

        clean.outputSettings()
                .prettyPrint(false)
                .charset("UTF-8")
                .escapeMode(Entities.EscapeMode.base);
        return body.html();
    }

    /**
     * The text of some HTML, for classification and search: entities decoded, paragraphs separated by a blank line,
     * line breaks and list items on their own lines, other whitespace collapsed, bidirectional controls removed.
     * Never put the result into HTML without {@link #escape}.
     *
     * @param html any HTML, possibly null
     * @return the text (empty for null)
     */
    public static String toPlainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.select(DROPPED_WITH_CONTENT).remove();
        return BidiControls.strip(PlainTextWriter.write(document.body()));
    }

    /**
     * Escapes text for HTML content or a double- or single-quoted attribute.
     *
     * @param text plain text, possibly null
     * @return the text with {@code & < > " '} as entities (empty for null)
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Turns plain text a member typed into HTML: escaped, blank lines separating {@code <p>} paragraphs, single
     * line breaks as {@code <br>}.
     *
     * @param text plain text, possibly null
     * @return the HTML (empty for blank text)
     */
    public static String textToHtml(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return Arrays.stream(text.strip().replace("\r\n", "\n").split("\n\\s*\n"))
                .map(String::strip)
                .filter(paragraph -> !paragraph.isEmpty())
                .map(paragraph -> "<p>" + escape(paragraph).replace("\n", "<br>") + "</p>")
                .collect(Collectors.joining());
    }

    private static void headingToStrongParagraph(Element heading) {
        Element paragraph = new Element("p");
        Element strong = paragraph.appendElement("strong");
        strong.insertChildren(0, heading.childNodes());
        heading.replaceWith(paragraph);
    }

    /** Keeps a link only with a scheme Mastodon allows; otherwise the link becomes its text. */
    private static void checkLink(Element link) {
        String href = allowedHref(link.attr("href"));
        if (href == null) {
            link.unwrap();
            return;
        }
        boolean tag = Arrays.asList(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("tag");
        link.attributes().put("href", href);
        link.attr("rel", tag ? "tag " + REL : REL);
        link.attr("target", "_blank");
    }

    /**
     * The href to keep, or null. Browsers ignore tabs and line breaks inside a URL and spaces and control
     * characters around it, so {@code "java\tscript:"} is read as they would read it before its scheme is checked.
     */
    private static String allowedHref(String raw) {
        String href = URL_NOISE.matcher(raw).replaceAll("").replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "");
        Matcher scheme = SCHEME.matcher(href);
        if (href.isEmpty() || !scheme.find() || !LINK_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
            return null;
        }
        return href;
    }

    private static void filterClasses(Element element) {
        String kept = Arrays.stream(element.className().split("\\s+"))
                .filter(name -> CLASS_WORDS.contains(name) || CLASS_PREFIX.matcher(name).matches())
                .distinct()
                .collect(Collectors.joining(" "));
        if (kept.isEmpty()) {
            element.removeAttr("class");
        } else {
            element.attr("class", kept);
        }
    }

    private static void keepInteger(Element element, String attribute) {
        String value = element.attr(attribute).strip();
        if (INTEGER.matcher(value).matches()) {
            element.attr(attribute, value);
        } else {
            element.removeAttr(attribute);
        }
    }
}
