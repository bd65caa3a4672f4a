package org.weft.activitypub.vocab;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An actor document: a member ({@code Person}), a community ({@code Group}) or the instance ({@code Application}).
 *
 * <p>Optional components are null when absent. Build one with {@link #builder(String, ActorType)}; read a remote one
 * with {@link #fromJson(JsonNode)}.
 *
 * @param id                        the actor id, equal byte for byte to the URL it is served at
 * @param type                      the actor type
 * @param preferredUsername         the username Mastodon builds {@code user@host} from (null only for odd remotes)
 * @param name                      display name, or null
 * @param summary                   profile text as HTML, or null
 * @param url                       the HTML profile page, or null
 * @param inbox                     the actor's inbox (required)
 * @param outbox                    the outbox collection, or null
 * @param followers                 the followers collection, or null
 * @param following                 the following collection, or null
 * @param featured                  the pinned-posts collection, or null
 * @param sharedInbox               {@code endpoints.sharedInbox}, or null (GoToSocial has none)
 * @param publicKey                 the signing key, or null when the document carries none
 * @param manuallyApprovesFollowers whether follows wait for approval
 * @param discoverable              whether the actor may be listed in directories
 * @param indexable                 whether public posts may be full-text indexed
 * @param published                 when the account was created, or null
 * @param icon                      the avatar, or null
 * @param attributedTo              for groups: the moderators collection (FEP-1b12), or null
 * @param webfinger                 FEP-2c59 canonical address {@code user@host} (no {@code acct:}), or null
 */
public record Actor(String id, ActorType type, String preferredUsername, String name, String summary, String url,
                    String inbox, String outbox, String followers, String following, String featured,
                    String sharedInbox, PublicKeyInfo publicKey, boolean manuallyApprovesFollowers,
                    boolean discoverable, boolean indexable, Instant published, Icon icon, String attributedTo,
                    String webfinger) {

    /** Checks the parts no peer can do without. */
    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(inbox, "inbox");
    }

    /**
     * An avatar or header image.
     *
     * @param url       the image URL
     * @param mediaType e.g. {@code image/png}, or null when unknown
     */
    public record Icon(String url, String mediaType) {

        /** Checks the URL is there. */
        public Icon {
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * Starts building an actor.
     *
     * @param id   the actor id
     * @param type the actor type
     * @return a builder; {@code inbox} must be set before {@code build()}
     */
    public static Builder builder(String id, ActorType type) {
        return new Builder(id, type);
    }

    /**
     * Writes the actor document with the Mastodon-style context of interop.md §2.
     *
     * @return the document, ready for {@code JsonLdCodec.write}
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonValues.NODES.objectNode();
        node.set("@context", Contexts.actor());
        node.put("id", id);
        node.put("type", type.wireName());
        JsonValues.put(node, "preferredUsername", preferredUsername);
        JsonValues.put(node, "name", name);
        JsonValues.put(node, "summary", summary);
        JsonValues.put(node, "url", url);
        node.put("inbox", inbox);
        JsonValues.put(node, "outbox", outbox);
        JsonValues.put(node, "followers", followers);
        JsonValues.put(node, "following", following);
        JsonValues.put(node, "featured", featured);
        JsonValues.put(node, "attributedTo", attributedTo);
        node.put("manuallyApprovesFollowers", manuallyApprovesFollowers);
        node.put("discoverable", discoverable);
        node.put("indexable", indexable);
        JsonValues.put(node, "published", published);
        JsonValues.put(node, "webfinger", webfinger);
        if (publicKey != null) {
            node.set("publicKey", publicKey.toJson());
        }
        if (sharedInbox != null) {
            node.putObject("endpoints").put("sharedInbox", sharedInbox);
        }
        if (icon != null) {
            ObjectNode image = node.putObject("icon");
            image.put("type", "Image");
            JsonValues.put(image, "mediaType", icon.mediaType());
            image.put("url", icon.url());
        }
        return node;
    }

    /**
     * Reads an actor document as Mastodon, Lemmy, GoToSocial and others serve it.
     *
     * <p>Tolerates an array {@code type} (the first actor type wins), {@code publicKey} as an object or array,
     * {@code url} and {@code icon} as a string, a Link/Image object or an array, and {@code webfinger} with or
     * without {@code acct:}.
     *
     * @param node a parsed actor document
     * @return the actor
     * @throws org.weft.activitypub.jsonld.MalformedActivityException if it is not an actor or lacks id or inbox
     */
    public static Actor fromJson(JsonNode node) {
        JsonValues.requireObject(node, "actor");
        String id = JsonValues.required(node, "id", "actor");
        ActorType type = actorType(node.get("type"));
        JsonNode endpoints = node.get("endpoints");
        String webfinger = JsonValues.text(node, "webfinger");
        if (webfinger != null && webfinger.startsWith("acct:")) {
            webfinger = webfinger.substring("acct:".length());
        }
        return new Actor(id, type,
                JsonValues.text(node, "preferredUsername"),
                JsonValues.text(node, "name"),
                JsonValues.text(node, "summary"),
                profileUrl(node.get("url")),
                JsonValues.required(node, "inbox", "actor " + id),
                JsonValues.idOf(node.get("outbox")),
                JsonValues.idOf(node.get("followers")),
                JsonValues.idOf(node.get("following")),
                JsonValues.idOf(node.get("featured")),
                endpoints != null && endpoints.isObject() ? JsonValues.text(endpoints, "sharedInbox") : null,
                PublicKeyInfo.select(node.get("publicKey"), id),
                JsonValues.bool(node, "manuallyApprovesFollowers", false),
                JsonValues.bool(node, "discoverable", false),
                JsonValues.bool(node, "indexable", false),
                JsonValues.instant(node, "published"),
                icon(node.get("icon")),
                JsonValues.idOf(node.get("attributedTo")),
                webfinger);
    }

    private static ActorType actorType(JsonNode type) {
        if (type != null) {
            for (JsonNode name : type.isArray() ? type : java.util.List.of(type)) {
                var known = ActorType.fromWire(name.asText());
                if (known.isPresent()) {
                    return known.get();
                }
            }
        }
        throw JsonValues.invalid("not an actor: type is " + type);
    }

    /** A profile URL: a string, a Link object, or an array of those (the HTML one preferred). */
    private static String profileUrl(JsonNode url) {
        if (url != null && url.isArray()) {
            for (JsonNode item : url) {
                if (item.isObject() && "text/html".equals(JsonValues.text(item, "mediaType"))) {
                    return JsonValues.idOf(item);
                }
            }
        }
        return JsonValues.idOf(url);
    }

    private static Icon icon(JsonNode icon) {
        JsonNode first = icon != null && icon.isArray() ? (icon.isEmpty() ? null : icon.get(0)) : icon;
        if (first == null || first.isNull()) {
            return null;
        }
        if (first.isTextual()) {
            return new Icon(first.asText(), null);
        }
        String url = JsonValues.idOf(first.get("url"));
        return url == null ? null : new Icon(url, JsonValues.text(first, "mediaType"));
    }

    /** Builds an {@link Actor} one named part at a time. */
    public static final class Builder {
        private final String id;
        private final ActorType type;
        private String preferredUsername;
        private String name;
        private String summary;
        private String url;
        private String inbox;
        private String outbox;
        private String followers;
        private String following;
        private String featured;
        private String sharedInbox;
        private PublicKeyInfo publicKey;
        private boolean manuallyApprovesFollowers;
        private boolean discoverable;
        private boolean indexable;
        private Instant published;
        private Icon icon;
        private String attributedTo;
        private String webfinger;

        private Builder(String id, ActorType type) {
            this.id = id;
            this.type = type;
        }

        /** @param value the username @return this */
        public Builder preferredUsername(String value) {
            preferredUsername = value;
            return this;
        }

        /** @param value the display name @return this */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** @param value the profile text, HTML @return this */
        public Builder summary(String value) {
            summary = value;
            return this;
        }

        /** @param value the HTML profile URL @return this */
        public Builder url(String value) {
            url = value;
            return this;
        }

        /** @param value the inbox URL @return this */
        public Builder inbox(String value) {
            inbox = value;
            return this;
        }

        /** @param value the outbox URL @return this */
        public Builder outbox(String value) {
            outbox = value;
            return this;
        }

        /** @param value the followers collection URL @return this */
        public Builder followers(String value) {
            followers = value;
            return this;
        }

        /** @param value the following collection URL @return this */
        public Builder following(String value) {
            following = value;
            return this;
        }

        /** @param value the featured collection URL @return this */
        public Builder featured(String value) {
            featured = value;
            return this;
        }

        /** @param value the shared inbox URL @return this */
        public Builder sharedInbox(String value) {
            sharedInbox = value;
            return this;
        }

        /** @param value the signing key @return this */
        public Builder publicKey(PublicKeyInfo value) {
            publicKey = value;
            return this;
        }

        /** @param value whether follows need approval @return this */
        public Builder manuallyApprovesFollowers(boolean value) {
            manuallyApprovesFollowers = value;
            return this;
        }

        /** @param value whether the actor may be listed @return this */
        public Builder discoverable(boolean value) {
            discoverable = value;
            return this;
        }

        /** @param value whether posts may be indexed @return this */
        public Builder indexable(boolean value) {
            indexable = value;
            return this;
        }

        /** @param value the creation time @return this */
        public Builder published(Instant value) {
            published = value;
            return this;
        }

        /** @param value the avatar @return this */
        public Builder icon(Icon value) {
            icon = value;
            return this;
        }

        /** @param value the moderators collection (groups) @return this */
        public Builder attributedTo(String value) {
            attributedTo = value;
            return this;
        }

        /** @param value the FEP-2c59 address {@code user@host} @return this */
        public Builder webfinger(String value) {
            webfinger = value;
            return this;
        }

        /**
         * Builds the actor.
         *
         * @return the actor
         * @throws NullPointerException if the inbox was not set
         */
        public Actor build() {
            return new Actor(id, type, preferredUsername, name, summary, url, inbox, outbox, followers, following,
                    featured, sharedInbox, publicKey, manuallyApprovesFollowers, discoverable, indexable, published,
                    icon, attributedTo, webfinger);
        }
    }
}
