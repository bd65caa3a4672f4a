package org.weft.activitypub.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.greenbytes.http.sfv.BooleanItem;
import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.DecimalItem;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.InnerList;
import org.greenbytes.http.sfv.IntegerItem;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.ListElement;
import org.greenbytes.http.sfv.OuterList;
import org.greenbytes.http.sfv.Parameters;
import org.greenbytes.http.sfv.ParseException;
import org.greenbytes.http.sfv.Parser;
import org.greenbytes.http.sfv.StringItem;
import org.greenbytes.http.sfv.TokenItem;
import org.greenbytes.http.sfv.Type;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the HTTP working group's structured-field test cases (test resources, see their README) against
 * the parser RFC 9421 verification relies on: every {@code must_fail} case must be refused, every other
 * case must parse to the expected structure and serialise to its canonical form (Weft rebuilds
 * {@code @signature-params} by serialising, so serialisation matters as much as parsing).
 */
class StructuredFieldConformanceTest {

    private static final List<String> FILES = List.of("binary", "boolean", "dictionary", "examples", "item",
            "key-generated", "list", "listlist", "number", "number-generated", "param-dict", "param-list",
            "param-listlist", "string", "string-generated", "token", "token-generated");

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheWorkingGroup() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            for (JsonNode testCase : Fixtures.json("structured-field-tests/" + file + ".json")) {
                tests.add(DynamicTest.dynamicTest(file + ": " + testCase.get("name").asText(), () -> run(testCase)));
            }
        }
        assertTrue(tests.size() > 1500, "the copied files hold about 1,500 cases, found " + tests.size());
        return tests.stream();
    }

    private static void run(JsonNode testCase) {
        List<String> raw = new ArrayList<>();
        testCase.get("raw").forEach(line -> raw.add(line.asText()));
        String type = testCase.get("header_type").asText();
        boolean mustFail = testCase.path("must_fail").asBoolean(false);
        boolean canFail = testCase.path("can_fail").asBoolean(false);
        if (mustFail) {
            assertThrows(IllegalArgumentException.class, () -> parse(type, raw), "must be refused: " + raw);
            return;
        }
        Type<?> parsed;
        try {
            parsed = parse(type, raw);
        } catch (ParseException e) {
            if (canFail) {
                return;
            }
            throw e;
        }
        assertStructure(testCase.get("expected"), parsed, type);
        assertEquals(canonical(testCase, raw), parsed.serialize(), "canonical serialisation");
    }

    private static Type<?> parse(String type, List<String> raw) {
        Parser parser = new Parser(raw);
        return switch (type) {
            case "item" -> parser.parseItem();
            case "list" -> parser.parseList();
            case "dictionary" -> parser.parseDictionary();
            default -> throw new AssertionError("unknown header_type " + type);
        };
    }

    private static String canonical(JsonNode testCase, List<String> raw) {
        JsonNode canonical = testCase.get("canonical");
        if (canonical == null) {
            return String.join(", ", raw);
        }
        // An empty array stands for "field omitted": an empty list or dictionary serialises to "".
        return canonical.isEmpty() ? "" : canonical.get(0).asText();
    }

    private static void assertStructure(JsonNode expected, Type<?> parsed, String type) {
        switch (type) {
            case "item" -> assertItem(expected, (Item<?>) parsed);
            case "list" -> assertMembers(expected, ((OuterList) parsed).get());
            case "dictionary" -> assertDictionary(expected, ((Dictionary) parsed).get());
            default -> fail(type);
        }
    }

    private static void assertDictionary(JsonNode expected, Map<String, ListElement<?>> members) {
        assertEquals(expected.size(), members.size(), "dictionary size");
        Iterator<Map.Entry<String, ListElement<?>>> actual = members.entrySet().iterator();
        for (JsonNode pair : expected) {
            Map.Entry<String, ListElement<?>> member = actual.next();
            assertEquals(pair.get(0).asText(), member.getKey(), "dictionary key order");
            assertMember(pair.get(1), member.getValue());
        }
    }

    private static void assertMembers(JsonNode expected, List<ListElement<?>> members) {
        assertEquals(expected.size(), members.size(), "list size");
        for (int i = 0; i < members.size(); i++) {
            assertMember(expected.get(i), members.get(i));
        }
    }

    /** An Item is [bare, params]; an Inner List is [[items…], params]. */
    private static void assertMember(JsonNode expected, ListElement<?> member) {
        if (member instanceof InnerList inner) {
            JsonNode items = expected.get(0);
            assertTrue(items.isArray(), "expected an inner list");
            assertEquals(items.size(), inner.get().size(), "inner list size");
            for (int i = 0; i < items.size(); i++) {
                assertItem(items.get(i), inner.get().get(i));
            }
            assertParameters(expected.get(1), inner.getParams());
        } else {
            assertItem(expected, (Item<?>) member);
        }
    }

    private static void assertItem(JsonNode expected, Item<?> item) {
        assertBare(expected.get(0), item);
        assertParameters(expected.get(1), item.getParams());
    }

    private static void assertParameters(JsonNode expected, Parameters parameters) {
        assertEquals(expected.size(), parameters.size(), "parameter count");
        Iterator<Map.Entry<String, Item<?>>> actual = parameters.entrySet().iterator();
        for (JsonNode pair : expected) {
            Map.Entry<String, Item<?>> parameter = actual.next();
            assertEquals(pair.get(0).asText(), parameter.getKey(), "parameter order");
            assertBare(pair.get(1), parameter.getValue());
        }
    }

    private static void assertBare(JsonNode expected, Item<?> item) {
        if (expected.isObject()) {
            String kind = expected.get("__type").asText();
            String value = expected.get("value").asText();
            switch (kind) {
                case "token" -> assertEquals(value, ((TokenItem) item).get());
                case "binary" -> assertEquals(value, Base32.encode(bytes(((ByteSequenceItem) item).get())));
                default -> fail("unsupported __type " + kind);
            }
        } else if (expected.isBoolean()) {
            assertEquals(expected.booleanValue(), ((BooleanItem) item).get());
        } else if (expected.isTextual()) {
            assertEquals(expected.asText(), ((StringItem) item).get());
        } else if (expected.isIntegralNumber()) {
            assertEquals(expected.longValue(), ((IntegerItem) item).get());
        } else if (expected.isNumber()) {
            assertEquals(0, expected.decimalValue().compareTo(((DecimalItem) item).get()),
                    "decimal " + expected + " vs " + item.serialize());
        } else {
            fail("unexpected expected value " + expected);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** RFC 4648 base32 with padding, as the test files write binary content. */
    private static final class Base32 {
        private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        static String encode(byte[] data) {
            StringBuilder out = new StringBuilder();
            int buffer = 0;
            int bits = 0;
            for (byte b : data) {
                buffer = (buffer << 8) | (b & 0xff);
                bits += 8;
                while (bits >= 5) {
                    out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                    bits -= 5;
                }
            }
            if (bits > 0) {
                out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
            }
            while (out.length() % 8 != 0) {
                out.append('=');
            }
            return out.toString();
        }
    }
}
