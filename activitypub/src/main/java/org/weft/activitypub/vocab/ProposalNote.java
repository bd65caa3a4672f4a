package org.weft.activitypub.vocab;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An offer or a request: a FEP-0837 Proposal published as a plain {@code Note} so that every fediverse server shows
 * it, in exactly the shape of object-model.md ("Offers and requests"). Consumers that know FEP-0837 recognise it by
 * {@code purpose} and {@code publishes} ({@link #isProposal}).
 *
 * <p>{@link #toJson()} writes the keys in object-model.md's order with {@link Contexts#weft()}. {@link #fromJson}
 * reads Weft's own proposals and those of other FEP-0837 software, tolerating one value where an array is usual,
 * numbers as strings, {@code as:Public}, and missing optional parts, but refuses values that would mislead or harm
 * whoever stores them: an unknown purpose or status, a category that is not an absolute URI, an absurd quantity,
 * coordinates off the globe. {@code content} is kept as sent; sanitise it before showing or storing it.
 *
 * <p>Instants are kept to the second, as they go on the wire. When {@code status} is {@link #FULFILLED} the Intent
 * is marked {@code finished}.
 *
 * @param id           the Note's id
 * @param url          the HTML permalink, or null
 * @param attributedTo the author: the member, or the group posting on a member's behalf
 * @param audience     the group the proposal belongs to (FEP-1b12), or null
 * @param purpose      {@link #OFFER} or {@link #REQUEST}
 * @param published    when it was first published, or null
 * @param updated      when it last changed, or null
 * @param endTime      when it expires ({@code endTime} and {@code hasEnd} on the wire), or null
 * @param status       one of {@link #STATUSES}
 * @param content      the HTML people read; never null
 * @param contentMap   the same text per language tag, in the author's order
 * @param tags         the Hashtag and Mention entries
 * @param location     where, or null
 * @param publishes    what is offered or asked for
 * @param to           primary addressees, Public spelt in full
 * @param cc           secondary addressees
 * @param inReplyTo    what it answers, or null
 * @param replies      the id of its replies collection, or null
 */
public record ProposalNote(String id, String url, String attributedTo, String audience, String purpose,
                           Instant published, Instant updated, Instant endTime, String status, String content,
                           Map<String, String> contentMap, List<Tag> tags, Place location, Intent publishes,
                           List<String> to, List<String> cc, String inReplyTo, String replies) {

    /** Purpose of a proposal that offers help. */
    public static final String OFFER = "offer";
    /** Purpose of a proposal that asks for help. */
    public static final String REQUEST = "request";
    /** Lifecycle: open for responses. */
    public static final String OPEN = "open";
    /** Lifecycle: a response was accepted. */
    public static final String PROMISED = "promised";
    /** Lifecycle: the help happened. */
    public static final String FULFILLED = "fulfilled";
    /** Lifecycle: the author took it back. */
    public static final String WITHDRAWN = "withdrawn";
    /** Lifecycle: its end time passed. */
    public static final String EXPIRED = "expired";
    /** Every status object-model.md defines. */
    public static final Set<String> STATUSES = Set.of(OPEN, PROMISED, FULFILLED, WITHDRAWN, EXPIRED);

    private static final Set<String> PROPOSAL_TYPES = Set.of("Note", "Proposal");

    /** Checks required parts and vocabularies, copies collections, and truncates instants to the second. */
    public ProposalNote {
        Intent.requireAbsoluteUri(Objects.requireNonNull(id, "id"), "proposal id");
        Objects.requireNonNull(attributedTo, "attributedTo");
        if (!OFFER.equals(purpose) && !REQUEST.equals(purpose)) {
            throw new IllegalArgumentException("purpose must be \"offer\" or \"request\", not \"" + purpose + "\"");
        }
        status = status == null ? OPEN : status;
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status \"" + status + "\" is not one of " + STATUSES);
        }
        Objects.requireNonNull(publishes, "publishes");
        publishes = FULFILLED.equals(status) ? publishes.withFinished(true) : publishes;
        published = seconds(published);
        updated = seconds(updated);
        endTime = seconds(endTime);
        content = content == null ? "" : content;
        contentMap = contentMap == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(contentMap));
        tags = tags == null ? List.of() : List.copyOf(tags);
        to = to == null ? List.of() : to.stream().map(Vocab::normalizeAddress).toList();
        cc = cc == null ? List.of() : cc.stream().map(Vocab::normalizeAddress).toList();
    }

    /**
     * Starts a proposal.
     *
     * @param id           the Note's id
     * @param attributedTo the author
     * @param purpose      {@link #OFFER} or {@link #REQUEST}
     * @param publishes    the Intent, usually {@link Intent#primary}
     * @return a builder with status {@link #OPEN} and everything else empty
     */
    public static Builder builder(String id, String attributedTo, String purpose, Intent publishes) {
        return new Builder(id, attributedTo, purpose, publishes);
    }

    /**
     * A builder holding this proposal's values, for an edit or a status change.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(id, attributedTo, purpose, publishes);
        b.url = url;
        b.audience = audience;
        b.published = published;
        b.updated = updated;
        b.endTime = endTime;
        b.status = status;
        b.content = content;
        b.contentMap = new LinkedHashMap<>(contentMap);
        b.tags = new ArrayList<>(tags);
        b.location = location;
        b.to = new ArrayList<>(to);
        b.cc = new ArrayList<>(cc);
        b.inReplyTo = inReplyTo;
        b.replies = replies;
        return b;
    }

    /**
     * The id a FEP-0837 Agreement's {@code satisfies} points at.
     *
     * @return the Intent's id, or {@code <id>#primary} when the sender gave the Intent none
     */
    public String primaryIntentId() {
        return publishes.id() != null ? publishes.id() : id + Intent.PRIMARY_FRAGMENT;
    }

    /**
     * Writes the Note as object-model.md shows it, leaving out what is empty or null.
     *
     * @return a fresh document with {@code @context}
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonValues.NODES.objectNode();
        node.set("@context", Contexts.weft());
        node.put("type", "Note");
        node.put("id", id);
        JsonValues.put(node, "url", url);
        node.put("attributedTo", attributedTo);
        JsonValues.put(node, "audience", audience);
        node.put("purpose", purpose);
        JsonValues.put(node, "published", published);
        JsonValues.put(node, "updated", updated);
        JsonValues.put(node, "endTime", endTime);
        JsonValues.put(node, "hasEnd", endTime);
        node.put("status", status);
        node.put("content", content);
        if (!contentMap.isEmpty()) {
            ObjectNode map = node.putObject("contentMap");
            contentMap.forEach(map::put);
        }
        if (!tags.isEmpty()) {
            node.putArray("tag").addAll(tags.stream().map(Tag::toJson).toList());
        }
        if (location != null) {
            node.set("location", location.toJson());
        }
        ObjectNode intent = publishes.toJson();
        if (!intent.has("id")) {
            intent.put("id", primaryIntentId());
        }
        node.set("publishes", intent);
        if (!to.isEmpty()) {
            node.set("to", JsonValues.array(to));
        }
        if (!cc.isEmpty()) {
            node.set("cc", JsonValues.array(cc));
        }
        JsonValues.put(node, "inReplyTo", inReplyTo);
        JsonValues.put(node, "replies", replies);
        return node;
    }

    /**
     * Whether an object is a proposal: a {@code Note} (or FEP-0837 {@code Proposal}, alone or among other types)
     * with {@code purpose} and {@code publishes}.
     *
     * @param node any object, possibly null
     * @return true when {@link #fromJson} should be used rather than {@link IncomingNote}
     */
    public static boolean isProposal(JsonNode node) {
        if (node == null || !node.isObject() || !node.hasNonNull("purpose") || !node.hasNonNull("publishes")) {
            return false;
        }
        JsonNode type = node.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode entry : type) {
                if (entry.isTextual() && PROPOSAL_TYPES.contains(entry.asText())) {
                    return true;
                }
            }
            return false;
        }
        return type != null && PROPOSAL_TYPES.contains(type.asText());
    }

    /**
     * Reads a proposal.
     *
     * @param node a Note with {@code purpose} and {@code publishes}, standalone or embedded in an activity
     * @return the proposal
     * @throws org.weft.activitypub.jsonld.MalformedActivityException ({@code INVALID_SHAPE}) with a message naming
     *                                                                 the proposal and the offending value
     */
    public static ProposalNote fromJson(JsonNode node) {
        JsonValues.requireObject(node, "proposal");
        String id = JsonValues.required(node, "id", "proposal");
        if (!isProposal(node)) {
            throw JsonValues.invalid("proposal " + id + " is not a Note with purpose and publishes");
        }
        try {
            String purpose = JsonValues.text(node, "purpose");
            String status = JsonValues.text(node, "status");
            Instant end = JsonValues.instant(node, "endTime");
            Map<String, String> contentMap = contentMap(node.get("contentMap"));
            String content = JsonValues.text(node, "content");
            if (content == null && !contentMap.isEmpty()) {
                content = contentMap.values().iterator().next();
            }
            return new ProposalNote(id, JsonValues.idOf(node.get("url")),
                    JsonValues.required(node, "attributedTo", "proposal " + id),
                    JsonValues.idOf(node.get("audience")),
                    purpose == null ? null : purpose.strip().toLowerCase(Locale.ROOT),
                    JsonValues.instant(node, "published"), JsonValues.instant(node, "updated"),
                    end != null ? end : JsonValues.instant(node, "hasEnd"),
                    status == null ? null : status.strip().toLowerCase(Locale.ROOT),
                    content, contentMap, tags(node.get("tag")), location(node.get("location")),
                    Intent.fromJson(first(node.get("publishes"))),
                    JsonValues.addresses(node.get("to")), JsonValues.addresses(node.get("cc")),
                    JsonValues.idOf(node.get("inReplyTo")), JsonValues.idOf(node.get("replies")));
        } catch (IllegalArgumentException e) {
            throw JsonValues.invalid("proposal " + id + ": " + e.getMessage());
        }
    }

    /** Reads {@code contentMap}, keeping only string values. */
    static Map<String, String> contentMap(JsonNode value) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value != null && value.isObject()) {
            value.properties().forEach(e -> {
                if (e.getValue().isTextual()) {
                    map.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return map;
    }

    /** Reads {@code tag}, one object or an array, keeping Hashtag and Mention entries. */
    static List<Tag> tags(JsonNode value) {
        List<Tag> tags = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(entry -> Tag.fromJson(entry).ifPresent(tags::add));
        } else {
            Tag.fromJson(value).ifPresent(tags::add);
        }
        return tags;
    }

    private static Place location(JsonNode value) {
        JsonNode place = first(value);
        return place == null || place.isNull() ? null : Place.fromJson(place);
    }

    private static JsonNode first(JsonNode value) {
        return value != null && value.isArray() ? value.get(0) : value;
    }

    private static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Collects a proposal's values; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String attributedTo;
        private final String purpose;
        private Intent publishes;
        private String url;
        private String audience;
        private Instant published;
        private Instant updated;
        private Instant endTime;
        private String status = OPEN;
        private String content = "";
        private Map<String, String> contentMap = new LinkedHashMap<>();
        private List<Tag> tags = new ArrayList<>();
        private Place location;
        private List<String> to = new ArrayList<>();
        private List<String> cc = new ArrayList<>();
        private String inReplyTo;
        private String replies;

        private Builder(String id, String attributedTo, String purpose, Intent publishes) {
            this.id = id;
            this.attributedTo = attributedTo;
            this.purpose = purpose;
            this.publishes = publishes;
        }

        /**
         * Sets the HTML permalink.
         *
         * @param value the URL
         * @return this builder
         */
        public Builder url(String value) {
            url = value;
            return this;
        }

        /**
         * Sets the group the proposal belongs to.
         *
         * @param value the group's actor id
         * @return this builder
         */
        public Builder audience(String value) {
            audience = value;
            return this;
        }

        /**
         * Sets the publication time.
         *
         * @param value the time
         * @return this builder
         */
        public Builder published(Instant value) {
            published = value;
            return this;
        }

        /**
         * Sets the time of the last change; Mastodon treats an {@code Update} as an edit only when it is set.
         *
         * @param value the time
         * @return this builder
         */
        public Builder updated(Instant value) {
            updated = value;
            return this;
        }

        /**
         * Sets the expiry, written as both {@code endTime} and {@code hasEnd}.
         *
         * @param value the time
         * @return this builder
         */
        public Builder endTime(Instant value) {
            endTime = value;
            return this;
        }

        /**
         * Sets the lifecycle status.
         *
         * @param value one of {@link #STATUSES}
         * @return this builder
         */
        public Builder status(String value) {
            status = value;
            return this;
        }

        /**
         * Sets the HTML people read (already sanitised; see {@code org.weft.activitypub.content}).
         *
         * @param value the HTML
         * @return this builder
         */
        public Builder content(String value) {
            content = value;
            return this;
        }

        /**
         * Adds a language version of the content; the first one added is the author's language.
         *
         * @param language a BCP 47 tag such as {@code en} or {@code ar}
         * @param html     the HTML in that language
         * @return this builder
         */
        public Builder contentIn(String language, String html) {
            contentMap.put(language, html);
            return this;
        }

        /**
         * Replaces all language versions of the content.
         *
         * @param value language tag to HTML, in order
         * @return this builder
         */
        public Builder contentMap(Map<String, String> value) {
            contentMap = new LinkedHashMap<>(value);
            return this;
        }

        /**
         * Replaces the tag entries.
         *
         * @param value Hashtag and Mention entries
         * @return this builder
         */
        public Builder tags(List<Tag> value) {
            tags = new ArrayList<>(value);
            return this;
        }

        /**
         * Sets the place.
         *
         * @param value the place
         * @return this builder
         */
        public Builder location(Place value) {
            location = value;
            return this;
        }

        /**
         * Replaces the Intent.
         *
         * @param value the Intent
         * @return this builder
         */
        public Builder publishes(Intent value) {
            publishes = value;
            return this;
        }

        /**
         * Sets the primary addressees.
         *
         * @param value the addressees
         * @return this builder
         */
        public Builder to(List<String> value) {
            to = new ArrayList<>(value);
            return this;
        }

        /**
         * Sets the secondary addressees.
         *
         * @param value the addressees
         * @return this builder
         */
        public Builder cc(List<String> value) {
            cc = new ArrayList<>(value);
            return this;
        }

        /**
         * Sets what the proposal answers.
         *
         * @param value the object id
         * @return this builder
         */
        public Builder inReplyTo(String value) {
            inReplyTo = value;
            return this;
        }

        /**
         * Sets the replies collection's id.
         *
         * @param value the collection id
         * @return this builder
         */
        public Builder replies(String value) {
            replies = value;
            return this;
        }

        /**
         * Builds the proposal.
         *
         * @return the proposal
         * @throws IllegalArgumentException if a value is invalid
         * @throws NullPointerException     if id, attributedTo or publishes is missing
         */
        public ProposalNote build() {
            return new ProposalNote(id, url, attributedTo, audience, purpose, published, updated, endTime, status,
                    content, contentMap, tags, location, publishes, to, cc, inReplyTo, replies);
        }
    }
}
