package org.weft.server.domain.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TaxonomyTest {

    private static final Pattern ARABIC_SCRIPT = Pattern.compile(".*\\p{IsArabic}.*");
    private static final Pattern CYRILLIC = Pattern.compile(".*\\p{IsCyrillic}.*");

    private final Taxonomy taxonomy = Taxonomy.load();

    @Test
    void everyConceptHasEveryLabelInAllSixLanguages() {
        for (Concept c : taxonomy.all()) {
            for (String lang : List.of("en", "ar", "fr", "es", "uk", "fa")) {
                String label = c.labels().get(lang);
                assertTrue(label != null && !label.isBlank(), c.id() + " has no " + lang + " label");
            }
            // Catch labels pasted into the wrong language slot.
            assertTrue(ARABIC_SCRIPT.matcher(c.labels().get("ar")).matches(), c.id() + " ar label not in Arabic script");
            assertTrue(ARABIC_SCRIPT.matcher(c.labels().get("fa")).matches(), c.id() + " fa label not in Arabic script");
            assertTrue(CYRILLIC.matcher(c.labels().get("uk")).matches(), c.id() + " uk label not in Cyrillic");
        }
    }

    @Test
    void everyConceptButOtherHasSynonymsInEveryLanguage() {
        for (Concept c : taxonomy.all()) {
            if (c.id().equals(Taxonomy.OTHER_ID)) {
                continue;
            }
            for (String lang : Taxonomy.LANGUAGES) {
                assertFalse(c.synonyms(lang).isEmpty(), c.id() + " has no " + lang + " synonyms");
            }
        }
    }

    @Test
    void hashtagsAreNonBlankLowercaseAsciiAndUnique() {
        Set<String> seen = new HashSet<>();
        for (Concept c : taxonomy.all()) {
            assertTrue(c.hashtag().matches("[a-z0-9]+"), c.id() + " hashtag " + c.hashtag());
            assertTrue(seen.add(c.hashtag()), "duplicate hashtag " + c.hashtag());
            assertTrue(c.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), "id " + c.id());
            assertEquals("https://w3id.org/weft/taxonomy/v1#" + c.id(), c.uri());
        }
    }

    @Test
    void sizeAndTopLevelFollowTheObjectModel() {
        int size = taxonomy.all().size();
        assertTrue(size >= 50 && size <= 80, "concept count " + size);
        List<String> top = taxonomy.topLevel().stream().map(Concept::id).toList();
        assertEquals(List.of("food", "water", "shelter", "clothing", "hygiene", "health", "mental-wellbeing", "childcare",
                "eldercare", "education", "language", "transport", "errands", "repair", "tools-and-things", "money",
                "paperwork-and-legal", "tech-help", "work-and-skills", "laundry", "cooking", "companionship", "pets",
                "moving-help", "other"), top);
        assertEquals(List.of("interpretation", "translation", "language-classes"), narrowerIds("language"));
        assertEquals(List.of("small-loans", "money-gifts"), narrowerIds("money"));
    }

    @Test
    void relatedLinksGoBothWaysAndStayOutsideTheHierarchy() {
        assertTrue(concept("form-filling").related().contains("tech-help"));
        assertTrue(concept("tech-help").related().contains("form-filling"), "named once in the file, related both ways");
        for (Concept c : taxonomy.all()) {
            for (String id : c.related()) {
                Concept other = concept(id);
                assertTrue(other.related().contains(c.id()), c.id() + " ~ " + id);
                assertTrue(!taxonomy.isSameOrBroader(c, other) && !taxonomy.isSameOrBroader(other, c), c.id() + " ~ " + id);
            }
        }
    }

    @Test
    void hierarchyIsConsistentBothWays() {
        for (Concept c : taxonomy.all()) {
            if (c.broader() != null) {
                Concept parent = taxonomy.byId(c.broader()).orElseThrow();
                assertTrue(parent.narrower().contains(c.id()), parent.id() + " does not list " + c.id());
            }
            for (String child : c.narrower()) {
                assertEquals(c.id(), taxonomy.byId(child).orElseThrow().broader());
            }
        }
    }

    @Test
    void lookupsByIdUriAndHashtag() {
        Concept prams = taxonomy.byId("prams").orElseThrow();
        assertEquals(prams, taxonomy.byUri("https://w3id.org/weft/taxonomy/v1#prams").orElseThrow());
        assertEquals(prams, taxonomy.byHashtag("#Prams").orElseThrow());
        assertEquals(prams, taxonomy.byHashtag("PRAMS").orElseThrow());
        assertEquals("mental-wellbeing", taxonomy.byHashtag("#MentalWellbeing").orElseThrow().id());
        assertTrue(taxonomy.byUri("https://w3id.org/weft/taxonomy/v2#prams").isEmpty());
        assertTrue(taxonomy.byUri("https://evil.example/v1#prams").isEmpty());
        assertTrue(taxonomy.byId("no-such-thing").isEmpty());
        assertTrue(taxonomy.byHashtag("#nosuchtag").isEmpty());
        assertEquals("other", taxonomy.other().id());
    }

    @Test
    void labelsFallBackToEnglish() {
        Concept food = taxonomy.byId("food").orElseThrow();
        assertEquals("طعام", taxonomy.label(food, "ar"));
        assertEquals("غذا", taxonomy.label(food, "fa"));
        assertEquals("Їжа", taxonomy.label(food, "UK"));
        assertEquals("Food", taxonomy.label(food, "de"));
        assertEquals("Food", taxonomy.label(food, null));
    }

    @Test
    void ancestorsAndDistances() {
        Concept food = concept("food");
        Concept bread = concept("bread");
        Concept babyFood = concept("baby-food");
        Concept prams = concept("prams");
        Concept tools = concept("tools-and-things");
        assertEquals(List.of(food), taxonomy.ancestors(bread));
        assertTrue(taxonomy.ancestors(food).isEmpty());
        assertTrue(taxonomy.isSameOrBroader(food, bread));
        assertTrue(taxonomy.isSameOrBroader(bread, bread));
        assertFalse(taxonomy.isSameOrBroader(bread, food));
        assertFalse(taxonomy.isSameOrBroader(tools, bread));
        assertEquals(0, taxonomy.distance(bread, bread));
        assertEquals(1, taxonomy.distance(food, bread));
        assertEquals(1, taxonomy.distance(bread, food));
        assertEquals(2, taxonomy.distance(bread, babyFood));
        assertEquals(-1, taxonomy.distance(bread, prams));
        assertEquals(-1, taxonomy.distance(food, taxonomy.other()));
    }

    @Test
    void skosDocumentHasOneEntryPerConceptWithAllLabels() {
        ObjectNode doc = SkosDocument.toJsonLd(taxonomy, "https://camp-a.example/taxonomy/v1");
        assertEquals("http://www.w3.org/2004/02/skos/core#", doc.path("@context").path("skos").asText());
        assertEquals("http://purl.org/dc/terms/", doc.path("@context").path("dcterms").asText());
        JsonNode graph = doc.path("@graph");
        JsonNode scheme = graph.get(0);
        assertEquals("skos:ConceptScheme", scheme.path("@type").asText());
        assertEquals("https://w3id.org/weft/taxonomy/v1", scheme.path("@id").asText());
        assertEquals(taxonomy.topLevel().size(), scheme.path("skos:hasTopConcept").size());
        assertEquals(taxonomy.all().size() + 1, graph.size());
        Map<String, JsonNode> concepts = new HashMap<>();
        for (int i = 1; i < graph.size(); i++) {
            JsonNode node = graph.get(i);
            assertEquals("skos:Concept", node.path("@type").asText());
            assertEquals(scheme.path("@id").asText(), node.path("skos:inScheme").path("@id").asText());
            assertEquals(null, concepts.put(node.path("@id").asText(), node), "duplicate " + node.path("@id"));
        }
        for (Concept c : taxonomy.all()) {
            JsonNode node = concepts.get(c.uri());
            assertEquals(c.hashtag(), node.path("skos:notation").asText());
            Map<String, String> labels = new HashMap<>();
            node.path("skos:prefLabel").forEach(l -> labels.put(l.path("@language").asText(), l.path("@value").asText()));
            assertEquals(c.labels(), labels, c.id());
            int synonyms = Taxonomy.LANGUAGES.stream().mapToInt(l -> c.synonyms(l).size()).sum();
            assertEquals(synonyms, node.path("skos:altLabel").size(), c.id());
            assertEquals(c.narrower().size(), node.path("skos:narrower").size(), c.id());
            assertEquals(c.related().size(), node.path("skos:related").size(), c.id());
            if (c.broader() != null) {
                assertEquals(Taxonomy.BASE_URI + c.broader(), node.path("skos:broader").path("@id").asText());
            }
        }
        assertTrue(concepts.get(Taxonomy.BASE_URI + "tech-help").path("skos:related").toString()
                .contains(Taxonomy.BASE_URI + "form-filling"));
        JsonNode bread = concepts.get(Taxonomy.BASE_URI + "bread");
        assertTrue(bread.path("skos:altLabel").toString().contains("\"@value\":\"خبز\",\"@language\":\"ar\""));
    }

    @Test
    void sensitiveHelpIsMarkedInTheDataAndNarrowerConceptsInheritIt() {
        // Issue 13: childcare, health, money and housing (with eldercare and mental wellbeing) are sensitive help.
        assertEquals(java.util.Set.of("childcare", "eldercare", "health", "mental-wellbeing", "money", "place-to-stay"),
                taxonomy.all().stream().filter(Concept::sensitive).map(Concept::id)
                        .collect(java.util.stream.Collectors.toSet()), "marked in v1.json");
        for (String id : List.of("babysitting", "medicine", "support-groups", "small-loans", "money-gifts", "place-to-stay")) {
            assertTrue(taxonomy.isSensitive(taxonomy.byId(id).orElseThrow()), id);
        }
        for (String id : List.of("food", "bread", "shelter", "tents", "tools", "other")) {
            assertFalse(taxonomy.isSensitive(taxonomy.byId(id).orElseThrow()), id);
        }
        assertTrue(taxonomy.anySensitive(List.of(Taxonomy.BASE_URI + "bread", Taxonomy.BASE_URI + "medicine")));
        assertFalse(taxonomy.anySensitive(List.of(Taxonomy.BASE_URI + "bread", "https://example.org/unknown")));
        var skos = SkosDocument.toJsonLd(taxonomy, "https://camp.example/taxonomy/v1");
        long marked = 0;
        for (var node : skos.path("@graph")) {
            if (node.path("weft:sensitive").asBoolean()) {
                marked++;
            }
        }
        assertEquals(6, marked, "the SKOS document other instances read carries the marks");
    }

    @Test
    void brokenDataIsRefusedWithAMessageNamingTheConcept() {
        String missingLabel = taxonomyJson(
                "{\"id\":\"food\",\"broader\":null,\"hashtag\":\"food\",\"labels\":{\"en\":\"Food\"}}");
        assertMessage(missingLabel, "\"food\" has no label in \"ar\"");
        String unknownBroader = taxonomyJson(concept("bread", "\"cake\"", "bread"));
        assertMessage(unknownBroader, "unknown broader \"cake\"");
        String cycle = taxonomyJson(concept("a", "\"b\"", "a") + "," + concept("b", "\"a\"", "b"));
        assertMessage(cycle, "cycle");
        String twice = taxonomyJson(concept("a", "null", "a") + "," + concept("a", "null", "b"));
        assertMessage(twice, "\"a\" appears twice");
        String sameTag = taxonomyJson(concept("a", "null", "tag") + "," + concept("b", "null", "tag"));
        assertMessage(sameTag, "hashtag \"tag\" is used by two concepts");
        String nonAscii = taxonomyJson(concept("a", "null", "café"));
        assertMessage(nonAscii, "lowercase ASCII");
        String relatedUnknown = taxonomyJson(related(concept("a", "null", "a"), "cake"));
        assertMessage(relatedUnknown, "\"a\" has unknown related \"cake\"");
        String relatedToItself = taxonomyJson(related(concept("a", "null", "a"), "a"));
        assertMessage(relatedToItself, "cannot be related to \"a\"");
        String relatedToParent = taxonomyJson(concept("a", "null", "a") + "," + related(concept("b", "\"a\"", "b"), "a"));
        assertMessage(relatedToParent, "which is above or below it already");
        String noOther = "{\"concepts\":[" + concept("a", "null", "a") + "]}";
        assertMessage(noOther, "no \"other\" concept");
    }

    private static void assertMessage(String json, String expected) {
        InvalidTaxonomyException e = assertThrows(InvalidTaxonomyException.class,
                () -> Taxonomy.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static String taxonomyJson(String concepts) {
        return "{\"concepts\":[" + concepts + "," + concept("other", "null", "other") + "]}";
    }

    private static String related(String conceptJson, String relatedId) {
        return conceptJson.substring(0, conceptJson.length() - 1) + ",\"related\":[\"" + relatedId + "\"]}";
    }

    private static String concept(String id, String broader, String hashtag) {
        return "{\"id\":\"" + id + "\",\"broader\":" + broader + ",\"hashtag\":\"" + hashtag + "\",\"labels\":"
                + "{\"en\":\"x\",\"ar\":\"س\",\"fr\":\"x\",\"es\":\"x\",\"uk\":\"х\",\"fa\":\"س\"},\"synonyms\":{}}";
    }

    private Concept concept(String id) {
        return taxonomy.byId(id).orElseThrow();
    }

    private List<String> narrowerIds(String id) {
        return concept(id).narrower();
    }
}
