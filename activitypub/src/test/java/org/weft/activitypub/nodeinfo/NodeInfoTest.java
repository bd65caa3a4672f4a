package org.weft.activitypub.nodeinfo;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.Fixtures;
import org.weft.activitypub.jsonld.MalformedActivityException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeInfoTest {

    private static NodeInfo weft() {
        return NodeInfo.weft("0.1.0")
                .repository("https://git.example/weft/weft").homepage("https://weft.example/")
                .openRegistrations(true)
                .usage(new NodeInfo.Usage(12, 9, 5, 40))
                .nodeName("Camp A")
                .group(new NodeInfo.Group("https://camp.weft.test/groups/block3", "Block 3"))
                .taxonomyVersion("v1")
                .build();
    }

    @Test
    void weftDocumentIsValidNodeInfo21() {
        JsonNode doc = weft().toJson(NodeInfoVersion.V2_1);
        assertEquals(List.of(), NodeInfoSchemaCheck.violations(doc, "2.1"));
        assertEquals("weft", doc.get("software").get("name").asText());
        assertEquals("0.1.0", doc.get("software").get("version").asText());
        assertEquals("https://git.example/weft/weft", doc.get("software").get("repository").asText());
        assertEquals("https://weft.example/", doc.get("software").get("homepage").asText());
        assertEquals("activitypub", doc.get("protocols").get(0).asText());
        assertTrue(doc.get("services").get("inbound").isEmpty());
        assertTrue(doc.get("services").get("outbound").isEmpty());
        assertTrue(doc.get("openRegistrations").asBoolean());
        assertEquals(12, doc.get("usage").get("users").get("total").asLong());
        assertEquals(9, doc.get("usage").get("users").get("activeHalfyear").asLong());
        assertEquals(5, doc.get("usage").get("users").get("activeMonth").asLong());
        assertEquals(40, doc.get("usage").get("localPosts").asLong());
        JsonNode metadata = doc.get("metadata");
        assertEquals("Camp A", metadata.get("nodeName").asText());
        assertEquals("https://camp.weft.test/groups/block3", metadata.get("groups").get(0).get("id").asText());
        assertEquals("Block 3", metadata.get("groups").get(0).get("name").asText());
        assertEquals("v1", metadata.get("taxonomyVersion").asText());
    }

    @Test
    void weftDocumentIsValidNodeInfo20WithoutTheNewSoftwareFields() {
        JsonNode doc = weft().toJson(NodeInfoVersion.V2_0);
        assertEquals(List.of(), NodeInfoSchemaCheck.violations(doc, "2.0"));
        assertFalse(doc.get("software").has("repository"));
        assertFalse(doc.get("software").has("homepage"));
    }

    @Test
    void theSchemaCheckCatchesMistakes() {
        ObjectNode doc = weft().toJson(NodeInfoVersion.V2_1);
        doc.remove("services");
        ((ObjectNode) doc.get("software")).put("name", "Weft Server");
        List<String> errors = NodeInfoSchemaCheck.violations(doc, "2.1");
        assertTrue(errors.contains("missing services"), errors.toString());
        assertTrue(errors.contains("software.name must match ^[a-z0-9-]+$"), errors.toString());
        assertFalse(NodeInfoSchemaCheck.violations(weft().toJson(NodeInfoVersion.V2_1), "2.0").isEmpty());
    }

    @Test
    void readsMastodonAndLemmyNodeInfo() {
        JsonNode mastodonDoc = Fixtures.json("mastodon/nodeinfo.json");
        assertEquals(List.of(), NodeInfoSchemaCheck.violations(mastodonDoc, "2.0"));
        NodeInfo mastodon = NodeInfo.fromJson(mastodonDoc);
        assertEquals("mastodon", mastodon.softwareName());
        assertEquals("4.5.2", mastodon.softwareVersion());
        assertFalse(mastodon.openRegistrations());
        assertEquals(new NodeInfo.Usage(412, 188, 97, 20931), mastodon.usage());
        assertEquals("Mastodon Example", mastodon.metadata().get("nodeName").asText());

        JsonNode lemmyDoc = Fixtures.json("lemmy/nodeinfo.json");
        assertEquals(List.of(), NodeInfoSchemaCheck.violations(lemmyDoc, "2.1"));
        NodeInfo lemmy = NodeInfo.fromJson(lemmyDoc);
        assertEquals("lemmy", lemmy.softwareName());
        assertEquals("https://github.com/LemmyNet/lemmy", lemmy.repository());
        assertEquals("https://join-lemmy.org/", lemmy.homepage());
        assertEquals(List.of("activitypub"), lemmy.protocols());
        assertTrue(lemmy.openRegistrations());
        assertEquals(new NodeInfo.Usage(230, 61, 24, 3312), lemmy.usage());
    }

    @Test
    void roundTrips() {
        NodeInfo original = weft();
        assertEquals(original, NodeInfo.fromJson(original.toJson(NodeInfoVersion.V2_1)));
    }

    @Test
    void refusesDocumentsWithoutSoftware() {
        assertThrows(MalformedActivityException.class,
                () -> NodeInfo.fromJson(Fixtures.json("mastodon/nodeinfo-wellknown.json")));
        assertThrows(IllegalArgumentException.class, () -> new NodeInfo("Not Valid", "1", null, null, List.of(),
                false, new NodeInfo.Usage(0, 0, 0, 0), null));
    }

    @Test
    void mediaTypesAndRels() {
        assertEquals("application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"",
                NodeInfoVersion.V2_1.mediaType());
        assertEquals("http://nodeinfo.diaspora.software/ns/schema/2.0", NodeInfoVersion.V2_0.rel());
        assertEquals(NodeInfoVersion.V2_1, NodeInfoVersion.ofNumber("2.1"));
    }

    @Test
    void wellKnownIndexListsBothSchemasAndTheInstanceActor() {
        JsonNode index = NodeInfoLinks.forOrigin("https://camp.weft.test/", "https://camp.weft.test/actor");
        assertEquals(3, index.get("links").size());
        assertEquals("https://camp.weft.test/nodeinfo/2.0",
                NodeInfoLinks.href(index, NodeInfoVersion.V2_0.rel()).orElseThrow());
        assertEquals("https://camp.weft.test/nodeinfo/2.1",
                NodeInfoLinks.href(index, NodeInfoVersion.V2_1.rel()).orElseThrow());
        assertEquals("https://camp.weft.test/actor",
                NodeInfoLinks.href(index, "https://www.w3.org/ns/activitystreams#Application").orElseThrow());
        assertEquals("https://camp.weft.test/nodeinfo/2.1", NodeInfoLinks.newestDocument(index).orElseThrow());
    }

    @Test
    void readsPeersWellKnownIndexes() {
        assertEquals("https://mastodon.example/nodeinfo/2.0",
                NodeInfoLinks.newestDocument(Fixtures.json("mastodon/nodeinfo-wellknown.json")).orElseThrow());
        assertEquals("https://lemmy.example/nodeinfo/2.1",
                NodeInfoLinks.newestDocument(Fixtures.json("lemmy/nodeinfo-wellknown.json")).orElseThrow());
        assertTrue(NodeInfoLinks.href(Fixtures.json("lemmy/nodeinfo-wellknown.json"),
                NodeInfoLinks.REL_APPLICATION_ACTOR).isEmpty());
    }
}
