package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.domain.proposal.ProposalService;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;

/**
 * NodeInfo as crawlers and FEP-1b12 peers read it: the well-known index (both schema versions and the FEP-2677
 * instance-actor link) and documents that satisfy the required fields of jhass/nodeinfo's 2.0 and 2.1 schemas.
 */
class NodeInfoTest {
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3", null);
        weft.server().localActors().createMember("amina", "Amina", "correct horse battery", false);
        weft.server().localActors().createMember("bilal", "Bilal", "correct horse battery", false);
        ProposalService proposals = weft.server().proposals().service();
        proposals.create("amina", draft("A spare tent", Audience.PUBLIC));
        proposals.create("bilal", draft("Rice for the block", Audience.COMMUNITY));
        ProposalEntity withdrawn = proposals.create("amina", draft("A cot", Audience.PUBLIC));
        proposals.changeStatus("amina", withdrawn.getId(), ProposalStatus.WITHDRAWN);
        ProposalEntity deleted = proposals.create("bilal", draft("A pram", Audience.PUBLIC));
        proposals.delete("bilal", deleted.getId());
        long hidden = proposals.create("amina", draft("A stove", Audience.PUBLIC)).getId();
        weft.server().db().inTransaction(s -> {
            s.find(ProposalEntity.class, hidden).setModeration(ProposalEntity.Moderation.REJECTED); // a moderator hid it
            return null;
        });
    }

    private static ProposalDraft draft(String title, Audience audience) {
        return ProposalDraft.builder().community("block3").purpose(Purpose.OFFER).language("en").title(title)
                .categories("tents").audience(audience).build();
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theIndexLinksBothVersionsAndTheInstanceActor() {
        HttpResponse<String> response = TestHttp.get(weft.base() + "/.well-known/nodeinfo", "application/json");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode index = TestHttp.json(response.body());
        Map<String, String> hrefs = new java.util.HashMap<>();
        index.path("links").forEach(l -> hrefs.put(l.path("rel").asText(), l.path("href").asText()));
        assertEquals(weft.base() + "/nodeinfo/2.0", hrefs.get("http://nodeinfo.diaspora.software/ns/schema/2.0"));
        assertEquals(weft.base() + "/nodeinfo/2.1", hrefs.get("http://nodeinfo.diaspora.software/ns/schema/2.1"));
        String instanceActor = hrefs.get("https://www.w3.org/ns/activitystreams#Application");
        assertEquals(weft.base() + "/actor", instanceActor);
        assertEquals("Application", TestHttp.activityJson(instanceActor).path("type").asText());
    }

    @Test
    void bothDocumentsHaveTheRequiredFields() {
        for (String version : List.of("2.0", "2.1")) {
            HttpResponse<String> response = TestHttp.get(weft.base() + "/nodeinfo/" + version, "application/json");
            assertEquals(200, response.statusCode(), version);
            assertEquals("application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/" + version + "#\"",
                    response.headers().firstValue("Content-Type").orElse(""));
            JsonNode doc = TestHttp.json(response.body());
            assertEquals(version, doc.path("version").asText());
            assertEquals("weft", doc.path("software").path("name").asText());
            assertTrue(doc.path("software").path("name").asText().matches("[a-z0-9-]+"));
            assertTrue(doc.path("software").path("version").isTextual());
            assertEquals("activitypub", doc.path("protocols").path(0).asText());
            assertEquals(1, doc.path("protocols").size());
            assertTrue(doc.path("services").path("inbound").isArray());
            assertTrue(doc.path("services").path("outbound").isArray());
            assertTrue(doc.path("openRegistrations").isBoolean());
            JsonNode users = doc.path("usage").path("users");
            assertEquals(2, users.path("total").asLong(), "the two members; groups and the instance actor are not users");
            assertTrue(users.path("activeHalfyear").isNumber() && users.path("activeMonth").isNumber());
            assertEquals(2, doc.path("usage").path("localPosts").asLong(),
                    "the two posts still shown (community-only counted); not the withdrawn, deleted or hidden one");
            assertEquals(false, doc.path("openRegistrations").asBoolean(), "sign-up by invite, the default");
            JsonNode groups = doc.path("metadata").path("groups");
            assertEquals(1, groups.size(), doc.toString());
            assertEquals(weft.base() + "/groups/block3", groups.path(0).path("id").asText());
            assertEquals("block3", groups.path(0).path("name").asText());
            if (version.equals("2.0")) {
                assertTrue(doc.path("software").path("repository").isMissingNode(), "2.0 allows only name and version");
            }
        }
    }

    @Test
    void registrationsAreOpenWhenAnyoneMaySignUp() {
        try (TestServers.Instance open = TestServers.start(Map.of("WEFT_SIGNUP", "open"))) {
            JsonNode doc = TestHttp.json(TestHttp.get(open.base() + "/nodeinfo/2.1", "application/json").body());
            assertEquals(true, doc.path("openRegistrations").asBoolean(), doc.toString());
        }
    }
}
