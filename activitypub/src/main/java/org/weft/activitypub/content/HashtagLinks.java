package org.weft.activitypub.content;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.weft.activitypub.vocab.Tag;

/**
 * Renders hashtag and mention links for {@code content} together with their {@code tag} entries, so that the two
 * never disagree: Mastodon links a hashtag only when both are there, and notifies a mentioned actor only when it is
 * both addressed and in {@code tag} (interop.md §5).
 *
 * <pre>{@code
 * <a href="https://camp-a.example/tags/food" class="mention hashtag" rel="tag">#<span>food</span></a>
 *   with {"type": "Hashtag", "name": "#food", "href": "https://camp-a.example/tags/food"}
 * <span class="h-card"><a href="https://mastodon.example/@rosa" class="u-url mention">@<span>rosa</span></a></span>
 *   with {"type": "Mention", "name": "@rosa@mastodon.example", "href": "https://mastodon.example/users/rosa"}
 * }</pre>
 */
public final class HashtagLinks {

    /** The longest hashtag accepted (Mastodon's limit is 100 characters too). */
    public static final int MAX_TAG_LENGTH = 100;

    // Mastodon's hashtag characters: letters, marks, digits, underscore, middle dot, ZWNJ; at least one non-digit.
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{M}\\p{N}_\\u00B7\\u200C]+");
    private static final Pattern HAS_NON_DIGIT = Pattern.compile(".*[\\p{L}\\p{M}_\\u00B7\\u200C].*");
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}_.-]{1,100}");

    private HashtagLinks() {
    }

    /**
     * A link in {@code content} and the {@code tag} entry that goes with it.
     *
     * @param html the HTML to put into {@code content}
     * @param tag  the entry to put into {@code tag}
     */
    public record Rendered(String html, Tag tag) {

        /** Checks both parts are there. */
        public Rendered {
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(tag, "tag");
        }
    }

    /**
     * A hashtag link on this instance's tag page.
     *
     * @param origin the instance origin, e.g. {@code https://camp-a.example} (a trailing slash is dropped)
     * @param name   the tag, with or without {@code #}, e.g. {@code MutualAidOffer}
     * @return the link and its Hashtag entry, with the same href
     * @throws IllegalArgumentException if the origin is not http(s) or the name is not a hashtag
     */
    public static Rendered hashtag(String origin, String name) {
        String tag = name.startsWith("#") ? name.substring(1) : name;
        if (tag.length() > MAX_TAG_LENGTH || !TAG.matcher(tag).matches() || !HAS_NON_DIGIT.matcher(tag).matches()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a hashtag");
        }
        String href = origin(origin) + "/tags/" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
        String html = "<a href=\"" + HtmlSanitizer.escape(href) + "\" class=\"mention hashtag\" rel=\"tag\">#<span>"
                + HtmlSanitizer.escape(tag) + "</span></a>";
        return new Rendered(html, Tag.hashtag(tag, href));
    }

    /**
     * A mention in Mastodon's h-card form.
     *
     * @param actorId    the mentioned actor's id, the {@code href} of the Mention entry
     * @param profileUrl the actor's HTML profile, the link's {@code href} (the actor id when it has none)
     * @param username   the actor's {@code preferredUsername}
     * @param host       the actor's WebFinger host
     * @return the link and its Mention entry, named {@code @username@host}
     * @throws IllegalArgumentException if the username is not one
     */
    public static Rendered mention(String actorId, String profileUrl, String username, String host) {
        Objects.requireNonNull(actorId, "actorId");
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("\"" + username + "\" is not a username");
        }
        String href = profileUrl == null ? actorId : profileUrl;
        String html = "<span class=\"h-card\"><a href=\"" + HtmlSanitizer.escape(href)
                + "\" class=\"u-url mention\">@<span>" + HtmlSanitizer.escape(username) + "</span></a></span>";
        return new Rendered(html, Tag.mention(username + "@" + host.toLowerCase(Locale.ROOT), actorId));
    }

    /**
     * The links joined by spaces, for the last line of a proposal's content.
     *
     * @param links rendered links
     * @return their HTML
     */
    public static String html(List<Rendered> links) {
        return links.stream().map(Rendered::html).collect(Collectors.joining(" "));
    }

    /**
     * The {@code tag} entries of the links, in the same order.
     *
     * @param links rendered links
     * @return their entries
     */
    public static List<Tag> tags(List<Rendered> links) {
        return links.stream().map(Rendered::tag).toList();
    }

    /**
     * The hashtags linked in some HTML (anchors with class {@code hashtag}), without {@code #}, to check content
     * against {@code tag} or to read hashtags from a post whose {@code tag} is missing.
     *
     * @param html any HTML
     * @return the hashtag names in document order
     */
    public static List<String> hashtagsIn(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        return Jsoup.parseBodyFragment(html).select("a.hashtag").stream()
                .map(link -> link.text().strip())
                .map(text -> text.startsWith("#") ? text.substring(1) : text)
                .filter(text -> !text.isEmpty())
                .toList();
    }

    private static String origin(String origin) {
        String trimmed = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        URI uri = URI.create(trimmed);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("\"" + origin + "\" is not an origin like https://camp-a.example");
        }
        return trimmed;
    }
}
