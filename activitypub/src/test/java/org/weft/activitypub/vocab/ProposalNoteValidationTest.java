package org.weft.activitypub.vocab;

import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.weft.activitypub.jsonld.MalformedActivityException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Hostile and broken proposals are refused with a message that names the proposal and what is wrong. */
class ProposalNoteValidationTest {

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("an unknown purpose", n -> n.put("purpose", "gift"), "purpose must be \"offer\" or \"request\""),
                refusal("an unknown status", n -> n.put("status", "closed"), "status \"closed\" is not one of"),
                refusal("a relative category", n -> categories(n).set(0, "food"), "\"food\" is not an absolute"),
                refusal("a javascript: category", n -> categories(n).add("javascript:alert(1)"),
                        "\"javascript:alert(1)\" is not an absolute http(s) or urn URI"),
                refusal("a data: category", n -> categories(n).add("data:text/plain;base64,SGk="),
                        "is not an absolute http(s) or urn URI"),
                refusal("a category with markup", n -> categories(n).add("https://x.example/<script>"), "is not a URI"),
                refusal("a category that is an object", n -> categories(n).addObject().put("id", "x"),
                        "resourceClassifiedAs entry {\"id\":\"x\"} is not a URI"),
                refusal("too many categories", n -> {
                    for (int i = 0; i < 20; i++) {
                        categories(n).add("https://w3id.org/weft/taxonomy/v1#c" + i);
                    }
                }, "at most 16 are accepted"),
                refusal("an absurd quantity", n -> available(n).put("hasNumericalValue", "1e12"),
                        "availableQuantity: quantity 1E+12 is over the limit of 1000000"),
                refusal("an absurd numeric quantity", n -> available(n).put("hasNumericalValue", 1e12),
                        "over the limit of 1000000"),
                refusal("a negative quantity", n -> available(n).put("hasNumericalValue", "-3"),
                        "quantity -3 is negative"),
                refusal("NaN", n -> available(n).put("hasNumericalValue", "NaN"), "\"NaN\" is not a finite decimal number"),
                refusal("Infinity", n -> available(n).put("hasNumericalValue", "Infinity"), "is not a finite decimal"),
                refusal("a number that overflows a double", n -> available(n).put("hasNumericalValue", Double.MAX_VALUE * 2),
                        "is not a finite number"),
                refusal("a megabyte of digits", n -> available(n).put("hasNumericalValue", "9".repeat(5000)),
                        "is not a number"),
                refusal("a tiny fraction", n -> available(n).put("hasNumericalValue", "1e-99999"),
                        "has more than 6 decimal places"),
                refusal("a quantity with no number", n -> available(n).remove("hasNumericalValue"),
                        "quantity has no hasNumericalValue"),
                refusal("markup as a unit", n -> available(n).put("hasUnit", "<b>kg</b>"), "is not a unit name or IRI"),
                refusal("markup as an action", n -> intent(n).put("action", "<script>"), "is not a ValueFlows action"),
                refusal("no action", n -> intent(n).remove("action"), "the Intent has no action"),
                refusal("publishes by reference only", n -> n.put("publishes", "https://camp-a.example/i/1"),
                        "publishes must be an embedded Intent object"),
                refusal("a latitude off the globe", n -> place(n).put("latitude", 91), "latitude 91.0 is not between"),
                refusal("a longitude off the globe", n -> place(n).put("longitude", -180.5), "longitude -180.5 is not"),
                refusal("a latitude that is not a number", n -> place(n).put("latitude", "north"),
                        "latitude \"north\" is not a number"),
                refusal("a latitude without longitude", n -> place(n).remove("longitude"), "both latitude and longitude"),
                refusal("a radius bigger than the Earth", n -> place(n).put("radius", 50_000), "is not a length on Earth"),
                refusal("a negative radius", n -> place(n).put("radius", -1), "is not a length on Earth"),
                refusal("unknown units", n -> place(n).put("units", "parsecs"), "units \"parsecs\" is not one of"),
                refusal("a location that is text", n -> n.put("location", "Block 3"), "location must be a Place object"),
                refusal("an id that is not a web URI", n -> n.put("id", "javascript:alert(1)"), "proposal id"),
                refusal("no author", n -> n.remove("attributedTo"), "has no attributedTo"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void hostileProposalsAreRefused(String what, Consumer<ObjectNode> spoil, String message) {
        ObjectNode json = (ObjectNode) ProposalNoteTest.example().deepCopy();
        spoil.accept(json);

        MalformedActivityException e = assertThrows(MalformedActivityException.class, () -> ProposalNote.fromJson(json));

        assertEquals(MalformedActivityException.Reason.INVALID_SHAPE, e.reason());
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("proposal "), () -> "message was: " + e.getMessage());
    }

    private static Arguments refusal(String what, Consumer<ObjectNode> spoil, String message) {
        return arguments(what, spoil, message);
    }

    private static ObjectNode intent(ObjectNode note) {
        return (ObjectNode) note.get("publishes");
    }

    private static ArrayNode categories(ObjectNode note) {
        return (ArrayNode) intent(note).get("resourceClassifiedAs");
    }

    private static ObjectNode available(ObjectNode note) {
        return (ObjectNode) intent(note).get("availableQuantity");
    }

    private static ObjectNode place(ObjectNode note) {
        return (ObjectNode) note.get("location");
    }
}
