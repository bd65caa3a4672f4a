package org.weft.activitypub.vocab;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Weft reads from any post-like object, whoever sent it: a Mastodon, Pleroma or GoToSocial {@code Note}, a
 * Lemmy {@code Page} (post), {@code Note} (comment) or {@code ChatMessage} (direct message), an {@code Article} or a
 * {@code Question}. Replies to proposals, direct messages to their authors and hashtag posts all arrive as one of
 * these.
 *
 * <p>{@code content} is kept as sent: sanitise it ({@code org.weft.activitypub.content.HtmlSanitizer}) before it is
 * stored or shown.
 *
 * @param id           the object's id
 * @param type         its type as sent ({@code Note}, {@code Page}…)
 * @param attributedTo the author's actor id
 * @param name         the title (Lemmy posts, Articles), or null
 * @param content      the HTML, or the first {@code contentMap} value; never null
 * @param contentMap   language tag to HTML, in the sender's order
 * @param language     the first {@code contentMap} key (as Mastodon reads it), else Lemmy's
 *                     {@code language.identifier}, else null
 * @param summary      the content warning (on a Note Mastodon shows {@code summary} as one), or null
 * @param sensitive    whether the sender marked it sensitive
 * @param inReplyTo    the id of what it answers, or null
 * @param to           primary addressees, Public spelt in full
 * @param cc           secondary addressees, Public spelt in full
 * @param published    when it was published, or null
 * @param updated      when it was last edited, or null
 * @param url          the HTML permalink (for a Lemmy link post, the link), or null
 * @param hashtags     hashtag names from the {@code tag} entries, without {@code #}
 * @param mentions     the actor ids of the {@code Mention} entries
 * @param audience     the FEP-1b12 group it was posted to, or null
 * @param context      the id of the thread or conversation it says it belongs to ({@code context}), or null: Weft
 *                     names the response a conversation follows, so a message finds its conversation even when it
 *                     arrives before the message it replies to
 */
public record IncomingNote(String id, String type, String attributedTo, String name, String content,
                           Map<String, String> contentMap, String language, String summary, boolean sensitive,
                           String inReplyTo, List<String> to, List<String> cc, Instant published, Instant updated,
                           String url, List<String> hashtags, List<String> mentions, String audience,
                           String context) {

    /** The object types read as posts. */
    public static final Set<String> TYPES = Set.of("Note", "Page", "Article", "Question", "ChatMessage");

    /** Checks the identity and copies the collections. */
    public IncomingNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(attributedTo, "attributedTo");
        content = content == null ? "" : content;
        contentMap = contentMap == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(contentMap));
        to = to == null ? List.of() : to.stream().map(Vocab::normalizeAddress).toList();
        cc = cc == null ? List.of() : cc.stream().map(Vocab::normalizeAddress).toList();
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    /**
     * Whether an object is one of the post types this reads.
     *
     * @param node any object, possibly null
     * @return true for {@link #TYPES} with an id
     */
    public static boolean isPost(JsonNode node) {
        return node != null && node.isObject() && node.hasNonNull("id") && TYPES.contains(JsonValues.type(node));
    }

    /**
     * Reads a post.
     *
     * @param node the object, standalone or embedded in a Create or Update
     * @return the post
     * @throws org.weft.activitypub.jsonld.MalformedActivityException if it is not one of {@link #TYPES} or has no id
     *                                                                 or author
     */
    public static IncomingNote fromJson(JsonNode node) {
        JsonValues.requireObject(node, "note");
        String id = JsonValues.required(node, "id", "note");
        String type = JsonValues.type(node);
        if (!TYPES.contains(type)) {
            throw JsonValues.invalid("object " + id + " has type " + type + "; expected one of " + TYPES);
        }
        Map<String, String> contentMap = ProposalNote.contentMap(node.get("contentMap"));
        String content = JsonValues.text(node, "content");
        if (content == null && !contentMap.isEmpty()) {
            content = contentMap.values().iterator().next();
        }
        List<Tag> tags = ProposalNote.tags(node.get("tag"));
        return new IncomingNote(id, type, JsonValues.required(node, "attributedTo", "note " + id),
                JsonValues.text(node, "name"), content, contentMap, language(node, contentMap),
                JsonValues.text(node, "summary"), JsonValues.bool(node, "sensitive", false),
                JsonValues.idOf(node.get("inReplyTo")),
                JsonValues.addresses(node.get("to")), JsonValues.addresses(node.get("cc")),
                JsonValues.instant(node, "published"), JsonValues.instant(node, "updated"),
                JsonValues.idOf(node.get("url")),
                tags.stream().filter(Tag::isHashtag).map(Tag::bareName).toList(),
                tags.stream().filter(Tag::isMention).map(Tag::href).toList(),
                JsonValues.idOf(node.get("audience")), JsonValues.idOf(node.get("context")));
    }

    /**
     * The visibility, taking any address ending in {@code /followers} as a followers collection.
     *
     * @return the visibility
     */
    public Visibility visibility() {
        return Visibility.of(to, cc, Visibility::looksLikeFollowers);
    }

    /**
     * The visibility, given the followers collections known for certain (the author's, from its actor document).
     *
     * @param followersCollections followers collection ids
     * @return the visibility
     */
    public Visibility visibility(Collection<String> followersCollections) {
        return Visibility.of(to, cc, followersCollections::contains);
    }

    /**
     * Whether an actor is mentioned (a {@code Mention} tag), which Mastodon requires alongside addressing before it
     * notifies anyone.
     *
     * @param actorId the actor
     * @return true when a Mention names it
     */
    public boolean mentions(String actorId) {
        return mentions.contains(actorId);
    }

    private static String language(JsonNode node, Map<String, String> contentMap) {
        if (!contentMap.isEmpty()) {
            return contentMap.keySet().iterator().next();
        }
        JsonNode language = node.get("language");
        // Lemmy: "language": {"identifier": "en", "name": "English"}
        return language != null && language.isObject() ? JsonValues.text(language, "identifier") : null;
    }
}
