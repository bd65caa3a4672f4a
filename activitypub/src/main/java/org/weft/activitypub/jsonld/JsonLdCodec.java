package org.weft.activitypub.jsonld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.jsonldjava.core.JsonLdOptions;
import com.github.jsonldjava.core.JsonLdProcessor;

/**
 * Reads and writes every ActivityPub document Weft exchanges.
 *
 * <p>Reading enforces a byte limit (checked before parsing) and a nesting limit, requires an ActivityStreams
 * {@code @context}, and then takes one of two paths. When every context entry is known, the document is returned
 * as parsed: its terms already mean what the wire types read. Otherwise it is expanded and compacted against
 * Weft's own context (AS2, security/v1, the Weft and Mastodon terms), so that an oddly aliased document comes out
 * in the usual shape. Unknown context URLs count as empty; if JSON-LD processing fails (for example on a JSON-LD
 * 1.1 context) the document is read as plain JSON.
 *
 * <p>Instances are immutable and thread-safe; create one and share it.
 */
public final class JsonLdCodec {

    /** Default body limit: 1 MiB, Mastodon's {@code MAX_JSON_SIZE}. */
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
    /** Default nesting limit; real activities rarely go past 8. */
    public static final int DEFAULT_MAX_DEPTH = 32;

    private static final System.Logger LOG = System.getLogger(JsonLdCodec.class.getName());
    private static final OfflineDocumentLoader LOADER = OfflineDocumentLoader.create();


    private final int maxBytes;
    private final ObjectMapper mapper;

    /** Creates a codec with the default limits (1 MiB, depth 32). */
    public JsonLdCodec() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
    }

    /**
     * Creates a codec with its own limits.
     *
     * @param maxBytes largest body accepted, in bytes
     * @param maxDepth deepest nesting of arrays and objects accepted
     */
    public JsonLdCodec(int maxBytes, int maxDepth) {
        if (maxBytes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxBytes = maxBytes;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxDocumentLength(maxBytes)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                // Two "actor" keys in one object would let a signer and a reader disagree on who sent it.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * Parses a received body into the shape the wire types read.
     *
     * @param body the raw request or response body
     * @return the document, compacted against the AS2 context
     * @throws MalformedActivityException if the body is over a limit, not a JSON object, or has no ActivityStreams
     *                                    context
     */
    public JsonNode parse(byte[] body) {
        return decode(body).document();
    }

    /**
     * A received body parsed once, for a queue that keeps it and works on it later.
     *
     * @param document the document, as {@link #parse} gives it
     * @param json     JSON to keep, which {@link #readStored} turns back into {@code document} with no JSON-LD
     *                 processing: the body itself when it needed none (the usual case: no bytes written), else the
     *                 normalised document
     */
    public record Received(JsonNode document, byte[] json) {
    }

    /**
     * Parses a received body as {@link #parse} does, and gives the JSON to keep for it, so that whoever works on it
     * later reads plain JSON ({@link #readStored}) instead of processing the body again.
     *
     * @param body the raw request body
     * @return the document and the JSON to keep
     * @throws MalformedActivityException as {@link #parse}
     */
    public Received receive(byte[] body) {
        Decoded decoded = decode(body);
        return new Received(decoded.document(), decoded.normalised() ? write(decoded.document()) : body);
    }

    /**
     * Reads JSON that {@link #receive} gave to keep: a plain parse, no context check, no JSON-LD processing.
     *
     * @param json the kept JSON
     * @return the document
     * @throws MalformedActivityException if it is not a JSON object (it was not what {@code receive} gave)
     */
    public JsonNode readStored(String json) {
        try {
            // Checked on arrival, so read back without the limits of received bodies.
            JsonNode node = PlainJson.read(json);
            if (node == null || !node.isObject()) {
                throw new MalformedActivityException(MalformedActivityException.Reason.NOT_AN_OBJECT,
                        "kept document is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedActivityException(MalformedActivityException.Reason.NOT_JSON,
                    "kept document is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Serialises a document as compact UTF-8 JSON.
     *
     * @param document the document to send
     * @return its bytes
     */
    public byte[] write(JsonNode document) {
        try {
            return mapper.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JsonNode tree always serialises", e);
        }
    }

    /** The result of {@link #parse}, and whether JSON-LD processing rewrote it (visible to tests). */
    record Decoded(JsonNode document, boolean normalised) {
    }

    Decoded decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedActivityException(MalformedActivityException.Reason.NOT_JSON, "body is empty");
        }
        if (body.length > maxBytes) {
            throw tooLarge(body.length);
        }
        JsonNode node = readTree(body);
        if (!node.isObject()) {
            throw new MalformedActivityException(MalformedActivityException.Reason.NOT_AN_OBJECT,
                    "top level is " + describe(node) + "; an ActivityPub document is a JSON object");
        }
        JsonNode context = node.get("@context");
        if (context == null || context.isNull()) {
            throw new MalformedActivityException(MalformedActivityException.Reason.MISSING_CONTEXT,
                    "document has no @context");
        }
        if (!ContextInspector.includesActivityStreams(context)) {
            throw new MalformedActivityException(MalformedActivityException.Reason.UNSUPPORTED_CONTEXT,
                    "@context does not include " + ContextUrls.ACTIVITY_STREAMS);
        }
        if (ContextInspector.usesOnlyKnownContexts(node)) {
            return new Decoded(node, false);
        }
        JsonNode normalised = normalise((ObjectNode) node);
        return new Decoded(normalised, normalised != node);
    }

    private JsonNode readTree(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedActivityException(MalformedActivityException.Reason.NOT_JSON, "body is blank");
            }
            return node;
        } catch (StreamConstraintsException e) {
            if (e.getMessage() != null && e.getMessage().contains("nesting depth")) {
                throw new MalformedActivityException(MalformedActivityException.Reason.TOO_DEEP,
                        "document is nested too deeply: " + e.getOriginalMessage(), e);
            }
            throw tooLarge(body.length);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new MalformedActivityException(MalformedActivityException.Reason.NOT_JSON,
                    "body is not valid JSON: " + detail, e);
        }
    }

    /** Expands the document and compacts it against Weft's context; on any JSON-LD failure keeps it as it was. */
    @SuppressWarnings("unchecked")
    private JsonNode normalise(ObjectNode node) {
        try {
            JsonLdOptions options = new JsonLdOptions();
            options.setDocumentLoader(LOADER);
            Object input = mapper.convertValue(node, Map.class);
            List<Object> expanded = JsonLdProcessor.expand(input, options);
            Map<String, Object> compacted = JsonLdProcessor.compact(expanded, BundledContexts.weftContext(), options);
            ObjectNode result = mapper.valueToTree(compacted);
            if (result.has("@graph") || (node.has("type") && !result.has("type"))) {
                // Not a single recognisable object any more: the original is more useful than the rewrite.
                return node;
            }
            return result;
        } catch (RuntimeException e) {
            // jsonld-java is JSON-LD 1.0 only: @version 1.1, @protected and friends end up here.
            LOG.log(System.Logger.Level.DEBUG, "JSON-LD processing failed, reading as plain JSON: {0}", e.toString());
            return node;
        }
    }

    private MalformedActivityException tooLarge(long length) {
        return new MalformedActivityException(MalformedActivityException.Reason.TOO_LARGE,
                "body is " + length + " bytes; the limit is " + maxBytes);
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
