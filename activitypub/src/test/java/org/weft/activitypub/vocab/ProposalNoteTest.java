package org.weft.activitypub.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.Fixtures;
import org.weft.activitypub.jsonld.JsonLdCodec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProposalNoteTest {

    static final String ID = "https://camp-a.example/proposals/7f3c9a";
    static final String AMINA = "https://camp-a.example/users/amina";
    static final String BLOCK3 = "https://camp-a.example/groups/block3";
    static final String FOOD = "https://w3id.org/weft/taxonomy/v1#food";
    static final String FIRST_LINE = "<p>OFFER · Food · Camp A, Block 3</p><p>10 bundles of fresh bread, free, until Tue 19"
            + " May.</p><p><a href=\"https://camp-a.example/proposals/7f3c9a\">Respond</a> <a href=\"https://camp-a.example"
            + "/tags/MutualAidOffer\" class=\"mention hashtag\" rel=\"tag\">#<span>MutualAidOffer</span></a> <a href=\""
            + "https://camp-a.example/tags/food\" class=\"mention hashtag\" rel=\"tag\">#<span>food</span></a></p>";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonLdCodec codec = new JsonLdCodec();

    /** object-model.md's example, byte for byte, as a parsed document. */
    static JsonNode example() {
        try (InputStream in = ProposalNoteTest.class.getResourceAsStream("/proposals/object-model-example.json")) {
            return new JsonLdCodec().parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example built with the builder. */
    static ProposalNote exampleBuilt() {
        return ProposalNote.builder(ID, AMINA, ProposalNote.OFFER,
                        Intent.primary(ID, "transfer", List.of(FOOD), Quantity.count(1), Quantity.count(10)))
                .url(ID)
                .audience(BLOCK3)
                .published(Instant.parse("2026-05-12T08:10:00Z"))
                .endTime(Instant.parse("2026-05-19T18:00:00Z"))
                .content(FIRST_LINE)
                .contentIn("en", "<p>OFFER · Food · …</p>")
                .contentIn("ar", "<p>عرض · طعام · …</p>")
                .tags(List.of(Tag.hashtag("MutualAidOffer", "https://camp-a.example/tags/MutualAidOffer"),
                        Tag.hashtag("food", "https://camp-a.example/tags/food")))
                .location(new Place("Camp A, Block 3", "camp-a/block-3", 32.29, 36.32, 1.0, "km"))
                .to(List.of(Vocab.PUBLIC))
                .cc(List.of(AMINA + "/followers", BLOCK3))
                .build();
    }

    @Test
    void theObjectModelExampleReadsWithEveryField() {
        JsonNode json = example();
        assertTrue(ProposalNote.isProposal(json));
        ProposalNote note = ProposalNote.fromJson(json);

        assertEquals(ID, note.id());
        assertEquals(ID, note.url());
        assertEquals(AMINA, note.attributedTo());
        assertEquals(BLOCK3, note.audience());
        assertEquals("offer", note.purpose());
        assertEquals(Instant.parse("2026-05-12T08:10:00Z"), note.published());
        assertNull(note.updated());
        assertEquals(Instant.parse("2026-05-19T18:00:00Z"), note.endTime());
        assertEquals("open", note.status());
        assertEquals(FIRST_LINE, note.content());
        assertEquals(List.of("en", "ar"), List.copyOf(note.contentMap().keySet()));
        assertEquals("<p>OFFER · Food · …</p>", note.contentMap().get("en"));
        assertEquals("<p>عرض · طعام · …</p>", note.contentMap().get("ar"));
        assertEquals(List.of(new Tag("Hashtag", "#MutualAidOffer", "https://camp-a.example/tags/MutualAidOffer"),
                new Tag("Hashtag", "#food", "https://camp-a.example/tags/food")), note.tags());
        assertEquals(new Place("Camp A, Block 3", "camp-a/block-3", 32.29, 36.32, 1.0, "km"), note.location());

        Intent intent = note.publishes();
        assertEquals(ID + "#primary", intent.id());
        assertEquals(ID + "#primary", note.primaryIntentId());
        assertEquals("transfer", intent.action());
        assertEquals(List.of(FOOD), intent.resourceClassifiedAs());
        assertEquals(new Quantity("one", new BigDecimal("1")), intent.resourceQuantity());
        assertEquals(new Quantity("one", new BigDecimal("10")), intent.availableQuantity());
        assertNull(intent.minimumQuantity());
        assertFalse(intent.finished());

        assertEquals(List.of(Vocab.PUBLIC), note.to());
        assertEquals(List.of(AMINA + "/followers", BLOCK3), note.cc());
        assertNull(note.inReplyTo());
        assertNull(note.replies());
    }

    @Test
    void theBuilderWritesTheObjectModelExampleExactlyInItsKeyOrder() throws IOException {
        String expected = MAPPER.writeValueAsString(example());
        String written = MAPPER.writeValueAsString(exampleBuilt().toJson());
        assertEquals(expected, written);
    }

    @Test
    void theWeftContextIsTheOneInObjectModelMd() throws IOException {
        assertEquals(MAPPER.writeValueAsString(example().get("@context")), MAPPER.writeValueAsString(Contexts.weft()));
    }

    @Test
    void everyFieldSurvivesARoundTripThroughTheWire() {
        ProposalNote original = exampleBuilt().toBuilder()
                .status(ProposalNote.FULFILLED)
                .updated(Instant.parse("2026-05-14T10:00:00.123Z"))
                .publishes(new Intent(ID + "#primary", "deliverService", List.of(FOOD, "urn:example:cooking"),
                        Quantity.of("hour", "1.5"), Quantity.of("hour", "6"), Quantity.of("hour", "0.5"), false))
                .tags(List.of(Tag.hashtag("MutualAidOffer", "https://camp-a.example/tags/MutualAidOffer"),
                        Tag.mention("rosa@mastodon.example", "https://mastodon.example/users/rosa")))
                .inReplyTo("https://mastodon.example/users/rosa/statuses/1")
                .replies(ID + "/replies")
                .build();

        ProposalNote back = ProposalNote.fromJson(codec.parse(codec.write(original.toJson())));

        assertEquals(original, back);
        assertTrue(back.publishes().finished(), "fulfilled marks the Intent finished");
        assertEquals(Instant.parse("2026-05-14T10:00:00Z"), back.updated());
        assertEquals(Map.of("en", "<p>OFFER · Food · …</p>", "ar", "<p>عرض · طعام · …</p>"), back.contentMap());
    }

    @Test
    void fulfilledWritesFinishedAndTheStatus() {
        JsonNode json = exampleBuilt().toBuilder().status(ProposalNote.FULFILLED).build().toJson();
        assertEquals("fulfilled", json.get("status").asText());
        assertTrue(json.get("publishes").get("finished").asBoolean());
        assertFalse(exampleBuilt().toJson().get("publishes").has("finished"));
    }

    @Test
    void aCreateOfTheProposalCarriesTheWeftContextAtTheTop() {
        Activity create = Activities.create(ID + "#create", AMINA, exampleBuilt().toJson());
        JsonNode json = codec.parse(codec.write(create.toJson()));
        assertEquals(Contexts.weft(), json.get("@context"));
        assertFalse(json.get("object").has("@context"));
        assertEquals(exampleBuilt(), ProposalNote.fromJson(json.get("object")));
        assertEquals(List.of(Vocab.PUBLIC), Activity.fromJson(json).to());
    }

    @Test
    void realWorldVariationsAreRead() {
        ObjectNode json = (ObjectNode) example().deepCopy();
        json.putArray("type").add("Note").add("Proposal");
        json.put("purpose", "Offer");
        json.put("to", "as:Public");
        json.put("cc", BLOCK3);
        json.remove("endTime");
        json.remove("contentMap");
        json.remove("status");
        json.set("tag", json.get("tag").get(0));
        JsonNode place = json.get("location");
        json.putArray("location").add(place);
        ObjectNode intent = (ObjectNode) json.get("publishes");
        intent.remove("id");
        intent.put("resourceClassifiedAs", FOOD);
        intent.putObject("resourceQuantity").put("hasNumericalValue", 2);
        intent.putObject("availableQuantity").put("hasUnit", "kilogram").put("hasNumericalValue", 2.5);

        ProposalNote note = ProposalNote.fromJson(json);

        assertEquals("offer", note.purpose());
        assertEquals(List.of(Vocab.PUBLIC), note.to());
        assertEquals(List.of(BLOCK3), note.cc());
        assertEquals(Instant.parse("2026-05-19T18:00:00Z"), note.endTime(), "hasEnd stands in for endTime");
        assertEquals(Map.of(), note.contentMap());
        assertEquals("open", note.status());
        assertEquals(List.of(Tag.hashtag("MutualAidOffer", "https://camp-a.example/tags/MutualAidOffer")), note.tags());
        assertEquals("camp-a/block-3", note.location().areaCode());
        assertNull(note.publishes().id());
        assertEquals(ID + "#primary", note.primaryIntentId());
        assertEquals(List.of(FOOD), note.publishes().resourceClassifiedAs());
        assertEquals(Quantity.of("one", "2"), note.publishes().resourceQuantity());
        assertEquals(Quantity.of("kilogram", "2.5"), note.publishes().availableQuantity());
    }

    @Test
    void minimalProposalsFromOtherSoftwareRead() {
        ObjectNode json = JsonValues.NODES.objectNode();
        json.put("type", "Note").put("id", ID).put("attributedTo", AMINA).put("purpose", "request");
        json.putObject("publishes").put("type", "Intent").put("action", "use");
        json.putObject("contentMap").put("fr", "<p>Besoin d'un fauteuil roulant</p>");

        ProposalNote note = ProposalNote.fromJson(json);

        assertEquals("request", note.purpose());
        assertEquals("<p>Besoin d'un fauteuil roulant</p>", note.content(), "content falls back to contentMap");
        assertEquals(List.of(), note.publishes().resourceClassifiedAs());
        assertNull(note.location());
        assertNull(note.published());
        assertNull(note.endTime());
        assertEquals(List.of(), note.to());
    }

    @Test
    void theBuilderRefusesWhatTheReaderRefuses() {
        Intent intent = Intent.primary(ID, "transfer", List.of(FOOD), null, null);
        assertThrows(IllegalArgumentException.class, () -> ProposalNote.builder(ID, AMINA, "gift", intent).build());
        assertThrows(IllegalArgumentException.class,
                () -> ProposalNote.builder(ID, AMINA, ProposalNote.OFFER, intent).status("closed").build());
        assertThrows(IllegalArgumentException.class, () -> Quantity.count(2_000_000));
        assertThrows(IllegalArgumentException.class, () -> Intent.primary(ID, "use", List.of("food"), null, null));
        assertThrows(IllegalArgumentException.class, () -> new Place("x", "a", 12.0, null, null, null));
        assertEquals(Place.area("Camp A, Block 3", "camp-a/block-3"),
                new Place("Camp A, Block 3", "camp-a/block-3", null, null, null, null));
    }

    @Test
    void onlyNotesWithPurposeAndPublishesAreProposals() {
        assertTrue(ProposalNote.isProposal(example()));
        assertFalse(ProposalNote.isProposal(Fixtures.parsed("mastodon/create-note-public.json").get("object")));
        ObjectNode noPublishes = (ObjectNode) example().deepCopy();
        noPublishes.remove("publishes");
        assertFalse(ProposalNote.isProposal(noPublishes));
        ObjectNode question = (ObjectNode) example().deepCopy();
        question.put("type", "Question");
        assertFalse(ProposalNote.isProposal(question));
        assertFalse(ProposalNote.isProposal(null));
    }
}
