package org.weft.bench.targets;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.bench.load.RawRequests;

/**
 * Pre-signed inbox POSTs: distinct {@code Create(Note)} activities of about 2 KiB, shaped like
 * Mastodon's, from a few senders, each signed with draft-cavage the way Weft itself signs its second knock
 * (Digest, Date, rsa-sha256 over request-target, host, date, digest, content-type), or with RFC 9421 the way
 * Mastodon 4.5 and Weft sign first ({@link #buildRfc9421}). Signing happens here, before the run, so the load
 * generator only replays bytes.
 */
final class SignedInboxRequests {
    static final int TARGET_BODY_BYTES = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignedInboxRequests() {
    }

    /** {@code count} requests to {@code inbox}; {@code tag} keeps activity ids distinct between batches. */
    static List<byte[]> build(List<Sender> senders, URI inbox, String tag, int count) {
        Instant now = Instant.now();
        return IntStream.range(0, count).parallel()
                .mapToObj(i -> signed(senders.get(i % senders.size()), inbox, tag + "-" + i, now))
                .toList();
    }

    /** As {@link #build}, signed with RFC 9421 ({@code Signature-Input}, {@code Content-Digest}). */
    static List<byte[]> buildRfc9421(List<Sender> senders, URI inbox, String tag, int count) {
        Instant now = Instant.now();
        return IntStream.range(0, count).parallel()
                .mapToObj(i -> signedRfc9421(senders.get(i % senders.size()), inbox, tag + "-" + i, now))
                .toList();
    }

    private static byte[] signed(Sender sender, URI inbox, String serial, Instant now) {
        byte[] body = body(sender.actor().uri(), serial, now);
        Map<String, String> headers = sender.signer().signPost(inbox, body, "application/activity+json", now);
        return RawRequests.post(inbox.getRawPath(), headers, body);
    }

    private static byte[] signedRfc9421(Sender sender, URI inbox, String serial, Instant now) {
        byte[] body = body(sender.actor().uri(), serial, now);
        Map<String, String> headers = sender.rfc9421().signPost(inbox, body, "application/activity+json", now);
        return RawRequests.post(inbox.getRawPath(), headers, body);
    }

    static byte[] body(String actor, String serial, Instant published) {
        ObjectNode note = JSON.createObjectNode()
                .put("id", actor + "/statuses/" + serial)
                .put("type", "Note")
                .put("attributedTo", actor)
                .put("published", published.toString())
                .put("sensitive", false)
                .put("content", "");
        note.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        note.putArray("cc").add(actor + "/followers");
        ObjectNode activity = JSON.createObjectNode();
        ArrayNode context = activity.putArray("@context");
        context.add("https://www.w3.org/ns/activitystreams").add("https://w3id.org/security/v1");
        activity.put("id", actor + "/statuses/" + serial + "/activity")
                .put("type", "Create")
                .put("actor", actor)
                .put("published", published.toString());
        activity.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        activity.putArray("cc").add(actor + "/followers");
        activity.set("object", note);
        int withoutContent = write(activity).length;
        String text = "<p>Offering: two bags of winter clothes for kids (sizes 4-8), a folding crib and a box of"
                + " canned food. Pick-up near the community garden on weekday evenings. Reply here or message me."
                + " Serial " + serial + ".</p>";
        StringBuilder content = new StringBuilder();
        while (withoutContent + content.length() < TARGET_BODY_BYTES) {
            content.append(text);
        }
        content.setLength(Math.max(0, TARGET_BODY_BYTES - withoutContent));
        note.put("content", content.toString());
        return write(activity);
    }

    private static byte[] write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
