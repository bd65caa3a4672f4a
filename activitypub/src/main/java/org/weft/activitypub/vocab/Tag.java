package org.weft.activitypub.vocab;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@code tag} entry of a Note: a {@code Hashtag} ({@code name} "#food", {@code href} the tag page) or a
 * {@code Mention} ({@code name} "@amina@camp-a.example", {@code href} the actor id). Other tag types (Mastodon's
 * {@code Emoji}, Lemmy's community tags) are not read.
 *
 * @param type {@link #HASHTAG} or {@link #MENTION}
 * @param name the name as sent, with its leading {@code #} or {@code @}
 * @param href the tag page or the mentioned actor
 */
public record Tag(String type, String name, String href) {

    /** The ActivityStreams type of a hashtag entry. */
    public static final String HASHTAG = "Hashtag";
    /** The ActivityStreams type of a mention entry. */
    public static final String MENTION = "Mention";

    /** Checks the type is one Weft reads and that the entry names something. */
    public Tag {
        if (!HASHTAG.equals(type) && !MENTION.equals(type)) {
            throw new IllegalArgumentException("tag type must be Hashtag or Mention, not " + type);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(href, "href");
    }

    /**
     * A hashtag entry.
     *
     * @param tag  the tag with or without its leading {@code #}
     * @param href the tag page, e.g. {@code https://camp-a.example/tags/food}
     * @return {@code {type: Hashtag, name: "#tag", href}}
     */
    public static Tag hashtag(String tag, String href) {
        return new Tag(HASHTAG, tag.startsWith("#") ? tag : "#" + tag, href);
    }

    /**
     * A mention entry.
     *
     * @param acct    the handle, with or without its leading {@code @}, e.g. {@code amina@camp-a.example}
     * @param actorId the mentioned actor's id
     * @return {@code {type: Mention, name: "@acct", href: actorId}}
     */
    public static Tag mention(String acct, String actorId) {
        return new Tag(MENTION, acct.startsWith("@") ? acct : "@" + acct, actorId);
    }

    /**
     * Whether this is a hashtag entry.
     *
     * @return true for {@code Hashtag}
     */
    public boolean isHashtag() {
        return HASHTAG.equals(type);
    }

    /**
     * Whether this is a mention entry.
     *
     * @return true for {@code Mention}
     */
    public boolean isMention() {
        return MENTION.equals(type);
    }

    /**
     * The name without its leading {@code #} or {@code @}: {@code food}, {@code amina@camp-a.example}.
     *
     * @return the bare name
     */
    public String bareName() {
        return name.startsWith("#") || name.startsWith("@") ? name.substring(1) : name;
    }

    /**
     * Writes the entry in the order Mastodon does: type, name, href.
     *
     * @return a fresh object
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonValues.NODES.objectNode();
        node.put("type", type);
        node.put("name", name);
        node.put("href", href);
        return node;
    }

    /**
     * Reads one {@code tag} entry.
     *
     * @param node an entry of a Note's {@code tag}
     * @return the entry, or empty for other types and for entries without a name or href
     */
    public static Optional<Tag> fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        String type = JsonValues.type(node);
        String name = JsonValues.text(node, "name");
        String href = JsonValues.idOf(node.get("href"));
        if (!HASHTAG.equals(type) && !MENTION.equals(type) || name == null || name.isBlank() || href == null) {
            return Optional.empty();
        }
        // Pleroma and Misskey sometimes send a hashtag name without its '#'; keep the wire shape uniform.
        return Optional.of(HASHTAG.equals(type) ? hashtag(name, href) : new Tag(type, name, href));
    }
}
