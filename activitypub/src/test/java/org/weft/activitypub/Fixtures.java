package org.weft.activitypub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.weft.activitypub.jsonld.JsonLdCodec;

/** Loads the real-world documents kept under {@code src/test/resources/fixtures/<server>/}. */
public final class Fixtures {

    /** Activity and actor documents: everything the codec must accept. */
    public static final List<String> ACTIVITYPUB_DOCUMENTS = List.of(
            "mastodon/accept-follow.json", "mastodon/actor.json", "mastodon/announce.json",
            "mastodon/create-note-direct.json", "mastodon/create-note-public.json", "mastodon/create-note-reply.json",
            "mastodon/delete-actor.json", "mastodon/delete-note.json", "mastodon/follow.json", "mastodon/like.json",
            "mastodon/undo-follow.json", "mastodon/update-note.json",
            "lemmy/accept-follow.json", "lemmy/actor.json", "lemmy/announce-like.json", "lemmy/announce.json",
            "lemmy/create-note-direct.json", "lemmy/create-note-public.json", "lemmy/create-note-reply.json",
            "lemmy/delete-actor.json", "lemmy/delete-note.json", "lemmy/follow.json", "lemmy/group.json",
            "lemmy/like.json", "lemmy/undo-follow.json", "lemmy/update-note.json",
            "gotosocial/actor.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonLdCodec CODEC = new JsonLdCodec();

    private Fixtures() {
    }

    /** The raw bytes of a fixture, e.g. {@code bytes("mastodon/follow.json")}. */
    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture read as plain JSON, without the codec (for WebFinger and NodeInfo documents). */
    public static JsonNode json(String path) {
        try {
            return MAPPER.readTree(bytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture read through the codec, as the inbox would read it. */
    public static JsonNode parsed(String path) {
        return CODEC.parse(bytes(path));
    }

    /** Text for building test bodies. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
