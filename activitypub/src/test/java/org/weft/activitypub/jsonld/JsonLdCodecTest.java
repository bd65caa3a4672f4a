package org.weft.activitypub.jsonld;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.weft.activitypub.Fixtures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLdCodecTest {

    private static final java.util.List<String> DOCUMENTS = Fixtures.ACTIVITYPUB_DOCUMENTS;

    private final JsonLdCodec codec = new JsonLdCodec();
    private final ObjectMapper mapper = new ObjectMapper();

    @ParameterizedTest
    @FieldSource("DOCUMENTS")
    void everyFixtureTakesTheFastPathUnchanged(String path) throws Exception {
        byte[] body = Fixtures.bytes(path);
        JsonLdCodec.Decoded decoded = codec.decode(body);
        assertFalse(decoded.normalised(), path + " should need no JSON-LD processing");
        assertEquals(mapper.readTree(body), decoded.document());
        assertTrue(decoded.document().get("id").isTextual());
        assertTrue(decoded.document().get("type").isTextual());
    }

    @ParameterizedTest
    @FieldSource("DOCUMENTS")
    void aDocumentInTheUsualShapeIsKeptAsItCame(String path) throws Exception {
        byte[] body = Fixtures.bytes(path);
        JsonLdCodec.Received received = codec.receive(body);
        assertTrue(received.json() == body, path + ": nothing rewritten, nothing copied");
        assertEquals(mapper.readTree(body), received.document());
        assertEquals(received.document(), codec.readStored(new String(received.json(), StandardCharsets.UTF_8)));
    }

    @Test
    void aDocumentThatNeededJsonLdIsKeptCompactedAndReadBackPlainly() {
        String body = """
                {"@context": ["https://www.w3.org/ns/activitystreams", {"ident": "@id", "kind": "@type"}],
                 "ident": "https://odd.example/activities/1", "kind": "Follow",
                 "actor": "https://odd.example/users/o", "object": "https://b.example/users/y"}""";
        JsonLdCodec.Received received = codec.receive(Fixtures.utf8(body));
        String kept = new String(received.json(), StandardCharsets.UTF_8);
        assertFalse(kept.contains("ident"), kept);
        JsonNode readBack = codec.readStored(kept);
        assertEquals(received.document(), readBack, "read back as it was parsed, with no JSON-LD pass");
        assertEquals("Follow", readBack.get("type").asText());
        assertEquals("https://odd.example/activities/1", readBack.get("id").asText());
        assertThrows(MalformedActivityException.class, () -> codec.readStored("[1, 2]"));
        assertThrows(MalformedActivityException.class, () -> codec.readStored("{\"type\":"));
    }

    @Test
    void unknownContextUrlAlongsideActivityStreamsIsRead() {
        String body = """
                {"@context": ["https://www.w3.org/ns/activitystreams", "https://unknown.example/ns/v9"],
                 "id": "https://a.example/follow/1", "type": "Follow",
                 "actor": "https://a.example/users/x", "object": "https://b.example/users/y",
                 "customField": "kept"}""";
        JsonLdCodec.Decoded decoded = codec.decode(Fixtures.utf8(body));
        assertTrue(decoded.normalised());
        JsonNode doc = decoded.document();
        assertEquals("Follow", doc.get("type").asText());
        assertEquals("https://a.example/follow/1", doc.get("id").asText());
        assertEquals("https://a.example/users/x", doc.get("actor").asText());
        assertEquals("https://b.example/users/y", doc.get("object").asText());
        assertEquals("kept", doc.get("customField").asText(), "terms of an unknown context survive under @vocab");
    }

    @Test
    void unknownContextAloneIsRefused() {
        String body = """
                {"@context": "https://unknown.example/ns", "id": "https://a.example/1", "type": "Follow"}""";
        MalformedActivityException e = assertThrows(MalformedActivityException.class,
                () -> codec.parse(Fixtures.utf8(body)));
        assertEquals(MalformedActivityException.Reason.UNSUPPORTED_CONTEXT, e.reason());
        assertTrue(e.getMessage().contains("activitystreams"), e.getMessage());
    }

    @Test
    void inlineMapWithoutActivityStreamsIsRefused() {
        String body = """
                {"@context": {"as": "https://www.w3.org/ns/activitystreams#"}, "id": "x", "type": "as:Follow"}""";
        assertEquals(MalformedActivityException.Reason.UNSUPPORTED_CONTEXT, refusal(body).reason());
    }

    @Test
    void everySpellingOfActivityStreamsCounts() {
        for (String spelling : new String[] {"http://www.w3.org/ns/activitystreams",
            "https://www.w3.org/ns/activitystreams#", "https://www.w3.org/ns/activitystreams.jsonld"}) {
            String body = "{\"@context\": \"" + spelling + "\", \"id\": \"https://a.example/l/1\", \"type\": \"Like\","
                    + " \"actor\": \"https://a.example/u\", \"object\": \"https://b.example/n\"}";
            JsonNode doc = codec.parse(Fixtures.utf8(body));
            assertEquals("Like", doc.get("type").asText(), spelling);
            assertEquals("https://b.example/n", doc.get("object").asText(), spelling);
        }
    }

    @Test
    void missingContextIsRefused() {
        assertEquals(MalformedActivityException.Reason.MISSING_CONTEXT,
                refusal("{\"id\": \"x\", \"type\": \"Follow\"}").reason());
    }

    @Test
    void malformedJsonIsRefused() {
        MalformedActivityException e = refusal("{\"@context\": \"https://www.w3.org/ns/activitystreams\", ");
        assertEquals(MalformedActivityException.Reason.NOT_JSON, e.reason());
        assertTrue(e.getMessage().startsWith("body is not valid JSON"), e.getMessage());
        assertEquals(MalformedActivityException.Reason.NOT_JSON, refusal("").reason());
        assertEquals(MalformedActivityException.Reason.NOT_JSON, refusal("{} {}").reason());
    }

    @Test
    void duplicateKeysAreRefused() {
        String body = """
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "x", "type": "Follow",
                 "actor": "https://a.example/u", "actor": "https://evil.example/u"}""";
        assertEquals(MalformedActivityException.Reason.NOT_JSON, refusal(body).reason());
    }

    @Test
    void arrayAtTopLevelIsRefused() {
        MalformedActivityException e = refusal("[{\"@context\": \"https://www.w3.org/ns/activitystreams\"}]");
        assertEquals(MalformedActivityException.Reason.NOT_AN_OBJECT, e.reason());
        assertTrue(e.getMessage().contains("an array"), e.getMessage());
    }

    @Test
    void tooDeepIsRefused() {
        String body = "{\"@context\": \"https://www.w3.org/ns/activitystreams\", \"x\": "
                + "[".repeat(40) + "]".repeat(40) + "}";
        MalformedActivityException e = refusal(body);
        assertEquals(MalformedActivityException.Reason.TOO_DEEP, e.reason());
        assertTrue(e.getMessage().contains("nested too deeply"), e.getMessage());
    }

    @Test
    void depthJustUnderTheLimitIsFine() {
        String body = "{\"@context\": \"https://www.w3.org/ns/activitystreams\", \"type\": \"Note\", \"x\": "
                + "[".repeat(30) + "]".repeat(30) + "}";
        assertEquals("Note", codec.parse(Fixtures.utf8(body)).get("type").asText());
    }

    @Test
    void tooLargeIsRefusedBeforeParsing() {
        JsonLdCodec small = new JsonLdCodec(100, 32);
        byte[] notEvenJson = new byte[101];
        MalformedActivityException e = assertThrows(MalformedActivityException.class, () -> small.parse(notEvenJson));
        assertEquals(MalformedActivityException.Reason.TOO_LARGE, e.reason());
        assertEquals("body is 101 bytes; the limit is 100", e.getMessage());
    }

    @Test
    void defaultLimitIsOneMebibyte() {
        byte[] big = new byte[JsonLdCodec.DEFAULT_MAX_BYTES + 1];
        assertEquals(MalformedActivityException.Reason.TOO_LARGE,
                assertThrows(MalformedActivityException.class, () -> codec.parse(big)).reason());
    }

    @Test
    void aliasedDocumentComesOutNormalised() {
        // A custom prefix for AS terms, and keyword aliases: valid JSON-LD, unreadable as plain JSON.
        String body = """
                {"@context": ["https://www.w3.org/ns/activitystreams",
                              {"a": "https://www.w3.org/ns/activitystreams#", "ident": "@id", "kind": "@type",
                               "who": {"@id": "a:actor", "@type": "@id"}}],
                 "ident": "https://odd.example/activities/1",
                 "kind": "Follow",
                 "who": "https://odd.example/users/o",
                 "a:object": {"@id": "https://camp.weft.test/users/amina"},
                 "a:to": {"@id": "https://www.w3.org/ns/activitystreams#Public"}}""";
        JsonLdCodec.Decoded decoded = codec.decode(Fixtures.utf8(body));
        assertTrue(decoded.normalised());
        JsonNode doc = decoded.document();
        assertEquals("https://odd.example/activities/1", doc.get("id").asText());
        assertEquals("Follow", doc.get("type").asText());
        assertEquals("https://odd.example/users/o", doc.get("actor").asText());
        assertEquals("https://camp.weft.test/users/amina", doc.get("object").asText());
        assertEquals("as:Public", doc.get("to").asText(), "JSON-LD compaction writes the Public IRI as as:Public");
        assertEquals("https://www.w3.org/ns/activitystreams", doc.get("@context").get(0).asText());
        assertFalse(doc.has("ident"));
        assertFalse(doc.has("who"));
    }

    @Test
    void redefinedCoreTermIsNormalised() {
        // "actor" pointed at another vocabulary must not be read as the sender.
        String body = """
                {"@context": ["https://www.w3.org/ns/activitystreams", {"actor": "https://other.example/ns#actor"}],
                 "id": "https://odd.example/a/2", "type": "Like", "actor": "not-a-sender",
                 "object": "https://b.example/n"}""";
        JsonLdCodec.Decoded decoded = codec.decode(Fixtures.utf8(body));
        assertTrue(decoded.normalised());
        assertFalse(decoded.document().has("actor"));
        assertEquals("not-a-sender", decoded.document().get("https://other.example/ns#actor").asText());
    }

    @Test
    void weftTermsSurviveNormalisation() {
        String body = """
                {"@context": ["https://www.w3.org/ns/activitystreams", "https://unknown.example/ctx",
                              {"valueflows": "https://w3id.org/valueflows/ont/vf#"}],
                 "id": "https://camp-a.example/proposals/1", "type": "Note", "valueflows:purpose": "offer"}""";
        JsonNode doc = codec.parse(Fixtures.utf8(body));
        assertEquals("offer", doc.get("purpose").asText());
    }

    @Test
    void jsonLd11ContextFallsBackToPlainJson() {
        String body = """
                {"@context": ["https://www.w3.org/ns/activitystreams", {"@version": 1.1, "@protected": true,
                              "emoji": {"@id": "https://x.example/ns#emoji", "@container": "@set"}}],
                 "id": "https://new.example/a/1", "type": "Like", "actor": "https://new.example/u",
                 "object": "https://b.example/n"}""";
        JsonNode doc = codec.parse(Fixtures.utf8(body));
        assertEquals("Like", doc.get("type").asText());
        assertEquals("https://new.example/u", doc.get("actor").asText());
    }

    @Test
    void writeIsCompactUtf8() throws Exception {
        JsonNode doc = mapper.readTree("{\"content\": \"عرض · طعام\", \"n\": 1}");
        byte[] out = codec.write(doc);
        assertArrayEquals("{\"content\":\"عرض · طعام\",\"n\":1}".getBytes(StandardCharsets.UTF_8), out);
    }

    @Test
    void bundledLemmyContextMatchesTheFixture() throws Exception {
        assertEquals(Fixtures.json("lemmy/lemmy-context.json"),
                mapper.readTree(BundledContexts.DOCUMENTS.get(ContextUrls.LEMMY)));
    }

    @Test
    void contextUrlSpellingsAreOneDocument() {
        assertEquals("https://www.w3.org/ns/activitystreams",
                ContextUrls.canonical("http://www.w3.org/ns/activitystreams.jsonld#"));
        assertTrue(ContextUrls.isKnown("https://pleroma.example/schemas/litepub-0.1.jsonld"));
        assertFalse(ContextUrls.isKnown("https://unknown.example/ns"));
    }

    private MalformedActivityException refusal(String body) {
        return assertThrows(MalformedActivityException.class, () -> codec.parse(Fixtures.utf8(body)));
    }
}
