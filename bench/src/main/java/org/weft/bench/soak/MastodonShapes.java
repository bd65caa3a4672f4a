package org.weft.bench.soak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.bench.targets.Sender;

/**
 * Activities exactly as Mastodon 4.5 sends them, made from the project's Mastodon fixtures (copies of the files in
 * server/src/test/resources/fixtures/mastodon, in {@code soak/mastodon/}): the same context arrays, nesting, quirks and sizes
 * (a public Create is about 4.5 KB), with the fixture's actor, statuses, dates and Weft side rewritten for this run.
 * Their {@code RsaSignature2017} blocks stay, as Mastodon sends them; Weft does not read linked-data signatures,
 * and after the rewrite they would not verify anyway.
 */
final class MastodonShapes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE_ORIGIN = "https://mastodon.example";
    private static final String FIXTURE_ACTOR = FIXTURE_ORIGIN + "/users/rosa";
    private static final String FIXTURE_WEFT = "https://camp.weft.test";
    private static final String[] FIXTURE_STATUSES = {"116205812345678901", "116205830011223344", "116205860012345678"};
    private static final String FIXTURE_CONVERSATION = "115482903117245512";
    private static final String DATE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    private final String createPublic;
    private final String createReply;
    private final String updateNote;
    private final String like;
    private final String announce;
    private final String deleteNote;
    private final String actor;
    private final String camp;
    private final String campName;

    private MastodonShapes(String campUri) {
        this.camp = campUri;
        this.campName = campUri.substring(campUri.lastIndexOf('/') + 1);
        createPublic = template("create-note-public.json");
        createReply = template("create-note-reply.json");
        updateNote = template("update-note.json");
        like = template("like.json");
        announce = template("announce.json");
        deleteNote = template("delete-note.json");
        actor = template("actor.json");
    }

    /** The shapes for a server whose community {@code campUri} the posts mention. */
    static MastodonShapes forCommunity(String campUri) {
        return new MastodonShapes(campUri);
    }

    /** A public post mentioning the community, with a purpose hashtag and a category hashtag: a board post. */
    byte[] boardPost(Sender sender, long status, String text, String language, List<String> hashtags, Instant now) {
        ObjectNode create = fill(createPublic, sender, status, null, null, now);
        writePost((ObjectNode) create.get("object"), sender, text, language, hashtags);
        return bytes(create);
    }

    /** An edit of a board post (Mastodon sends the whole Note again, with {@code updated}). */
    byte[] editPost(Sender sender, long status, long edit, String text, String language, List<String> hashtags,
                    Instant now) {
        ObjectNode update = fill(updateNote, sender, status, null, null, now);
        update.put("id", sender.actor().uri() + "/statuses/" + status + "#updates/" + edit);
        writePost((ObjectNode) update.get("object"), sender, text, language, hashtags);
        return bytes(update);
    }

    /** A public reply to a local proposal, mentioning its author. */
    byte[] reply(Sender sender, long status, String proposalUri, String authorUri, String text, Instant now) {
        ObjectNode create = fill(createReply, sender, status, proposalUri, authorUri, now);
        ObjectNode note = (ObjectNode) create.get("object");
        String author = authorUri.substring(authorUri.lastIndexOf('/') + 1);
        String html = "<p><span class=\"h-card\" translate=\"no\"><a href=\"" + authorUri + "\" class=\"u-url mention\">@<span>"
                + author + "</span></a></span> " + escape(text) + "</p>";
        note.put("content", html);
        note.putObject("contentMap").put("en", html);
        return bytes(create);
    }

    /** The Delete (with a Tombstone) of one of the sender's statuses. */
    byte[] delete(Sender sender, long status, Instant now) {
        return bytes(fill(deleteNote, sender, status, null, null, now));
    }

    /** A favourite: Mastodon's Like has an id but no addressing. */
    byte[] like(Sender sender, long serial, String objectUri) {
        ObjectNode like = fill(this.like, sender, 0, objectUri, null, Instant.EPOCH);
        like.put("id", sender.actor().uri() + "#likes/" + serial);
        return bytes(like);
    }

    /** Taking a favourite back: the Like embedded in an Undo. */
    byte[] undoLike(Sender sender, long serial, String objectUri) {
        ObjectNode like = fill(this.like, sender, 0, objectUri, null, Instant.EPOCH);
        like.put("id", sender.actor().uri() + "#likes/" + serial);
        ObjectNode undo = JSON.createObjectNode();
        undo.set("@context", like.remove("@context"));
        undo.put("id", sender.actor().uri() + "#likes/" + serial + "/undo");
        undo.put("type", "Undo");
        undo.put("actor", sender.actor().uri());
        undo.set("object", like);
        return bytes(undo);
    }

    /** A boost of a post by its URI. */
    byte[] announce(Sender sender, long status, String objectUri, String authorUri, Instant now) {
        return bytes(fill(announce, sender, status, objectUri, authorUri, now));
    }

    /** A profile change: the whole actor document, with the sender's real key (Weft stores what it says). */
    byte[] updateProfile(Sender sender, long serial, Instant now) {
        ObjectNode person = fill(actor, sender, 0, null, null, now);
        person.put("preferredUsername", sender.actor().username());
        person.put("name", "Neighbour " + sender.actor().username());
        person.put("summary", "<p>Volunteer at the Saturday veg run (profile edit " + serial + ").</p>");
        ObjectNode key = (ObjectNode) person.get("publicKey");
        key.put("publicKeyPem", sender.actor().publicKeyPem());
        ObjectNode update = JSON.createObjectNode();
        update.set("@context", person.remove("@context"));
        update.put("id", sender.actor().uri() + "#updates/" + serial);
        update.put("type", "Update");
        update.put("actor", sender.actor().uri());
        update.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        update.set("object", person);
        return bytes(update);
    }

    private void writePost(ObjectNode note, Sender sender, String text, String language, List<String> hashtags) {
        String origin = origin(sender);
        StringBuilder html = new StringBuilder("<p><span class=\"h-card\" translate=\"no\"><a href=\"").append(camp)
                .append("\" class=\"u-url mention\">@<span>").append(campName).append("</span></a></span> ")
                .append(escape(text));
        ArrayNode tags = note.putArray("tag");
        tags.addObject().put("type", "Mention").put("href", camp).put("name", "@" + campName + "@" + authority(camp));
        for (String tag : hashtags) {
            html.append(" <a href=\"").append(origin).append("/tags/").append(tag)
                    .append("\" class=\"mention hashtag\" rel=\"tag\">#<span>").append(tag).append("</span></a>");
            tags.addObject().put("type", "Hashtag").put("href", origin + "/tags/" + tag.toLowerCase(java.util.Locale.ROOT))
                    .put("name", "#" + tag);
        }
        html.append("</p>");
        note.put("content", html.toString());
        ObjectNode map = note.putObject("contentMap");
        map.put(language, html.toString());
    }

    /** The fixture with this run's actor, status, object, addressee and time in place of the fixture's. */
    private ObjectNode fill(String template, Sender sender, long status, String object, String addressee, Instant now) {
        String actorUri = sender.actor().uri();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{{actor}}", actorUri);
        values.put("{{profile}}", origin(sender) + "/@" + sender.actor().username());
        values.put("{{origin}}", origin(sender));
        values.put("{{status}}", Long.toString(status));
        values.put("{{conversation}}", Long.toString(status / 7));
        values.put("{{object}}", object == null ? "" : object);
        values.put("{{addressee}}", addressee == null ? "" : addressee);
        values.put("{{addresseeName}}", addressee == null ? "" : addressee.substring(addressee.lastIndexOf('/') + 1));
        values.put("{{camp}}", camp);
        values.put("{{campName}}", campName);
        values.put("{{weft}}", camp.substring(0, camp.indexOf('/', camp.indexOf("//") + 2)));
        values.put("{{weftHost}}", authority(camp));
        values.put("{{now}}", now.truncatedTo(ChronoUnit.SECONDS).toString());
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fixture, compact, with its variable parts replaced by {@code {{…}}} markers: longer literals first, so
     * that the actor's URI is not half-replaced as the origin.
     */
    private static String template(String file) {
        JsonNode tree;
        try (InputStream in = MastodonShapes.class.getResourceAsStream("/soak/mastodon/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing bench resource soak/mastodon/" + file);
            }
            tree = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = tree.toString()
                .replace(FIXTURE_WEFT + "/proposals/7f3c9a", "{{object}}")
                .replace(FIXTURE_WEFT + "/users/amina", "{{addressee}}")
                .replace(FIXTURE_WEFT + "/@amina", "{{addressee}}")
                .replace("@amina@camp.weft.test", "@{{addresseeName}}@{{weftHost}}")
                .replace(FIXTURE_WEFT + "/groups/block3", "{{camp}}")
                .replace("@block3@camp.weft.test", "@{{campName}}@{{weftHost}}")
                .replace(FIXTURE_WEFT, "{{weft}}")
                .replace(FIXTURE_ACTOR, "{{actor}}")
                .replace(FIXTURE_ORIGIN + "/@rosa", "{{profile}}")
                .replace(FIXTURE_ORIGIN, "{{origin}}")
                .replace(FIXTURE_CONVERSATION, "{{conversation}}")
                .replaceAll(DATE, "{{now}}");
        for (String status : FIXTURE_STATUSES) {
            text = text.replace(status, "{{status}}");
        }
        return text;
    }

    private static String origin(Sender sender) {
        String uri = sender.actor().uri();
        return uri.substring(0, uri.indexOf("/users/"));
    }

    private static String authority(String uri) {
        int start = uri.indexOf("//") + 2;
        return uri.substring(start, uri.indexOf('/', start));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
