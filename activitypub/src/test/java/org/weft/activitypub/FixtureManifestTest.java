package org.weft.activitypub;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.activitypub.nodeinfo.NodeInfo;
import org.weft.activitypub.nodeinfo.NodeInfoLinks;
import org.weft.activitypub.vocab.Activity;
import org.weft.activitypub.vocab.Actor;
import org.weft.activitypub.webfinger.Jrd;
import org.weft.activitypub.webfinger.WebFingerResource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Walks each server's manifest, reads every file it names with the reader meant for it, and checks none is left out. */
class FixtureManifestTest {

    @ParameterizedTest
    @ValueSource(strings = {"mastodon", "lemmy"})
    void everyFileInTheManifestReads(String server) {
        JsonNode manifest = Fixtures.json(server + "/manifest.json");
        JsonLdCodec codec = new JsonLdCodec();

        manifest.get("actors").forEach(entry -> {
            Actor actor = Actor.fromJson(codec.parse(Fixtures.bytes(server + "/" + entry.get("file").asText())));
            assertEquals(entry.get("id").asText(), actor.id());
            assertEquals(entry.get("keyId").asText(), actor.publicKey().id());
        });
        manifest.get("webfinger").properties().forEach(e -> {
            Jrd jrd = Jrd.fromJson(Fixtures.json(server + "/" + e.getValue().asText()));
            assertEquals(e.getKey(), jrd.subject());
            var acct = (WebFingerResource.Acct) WebFingerResource.parse(e.getKey());
            assertEquals(manifest.get("origin").asText(), "https://" + acct.host());
        });
        JsonNode nodeinfo = manifest.get("nodeinfo");
        String documentUrl = NodeInfoLinks.newestDocument(Fixtures.json(server + "/" + nodeinfo.get("wellKnown").asText()))
                .orElseThrow();
        assertEquals(manifest.get("origin").asText() + nodeinfo.get("path").asText(), documentUrl);
        assertEquals(server, NodeInfo.fromJson(Fixtures.json(server + "/" + nodeinfo.get("file").asText())).softwareName());
        manifest.get("fixtures").fieldNames().forEachRemaining(name -> {
            Activity activity = Activity.fromJson(codec.parse(Fixtures.bytes(server + "/" + name + ".json")));
            assertTrue(activity.actor().startsWith(manifest.get("origin").asText()), name);
        });
    }

    @Test
    void noFixtureIsLeftUnread() throws URISyntaxException, IOException {
        Set<String> read = new HashSet<>(Fixtures.ACTIVITYPUB_DOCUMENTS);
        read.addAll(List.of("mastodon/manifest.json", "lemmy/manifest.json", "lemmy/lemmy-context.json",
                "mastodon/webfinger.json", "lemmy/webfinger.json", "lemmy/webfinger-group.json",
                "mastodon/nodeinfo.json", "lemmy/nodeinfo.json",
                "mastodon/nodeinfo-wellknown.json", "lemmy/nodeinfo-wellknown.json"));
        Path root = Path.of(Fixtures.class.getResource("/fixtures").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".json")).forEach(p -> {
                String relative = root.relativize(p).toString().replace('\\', '/');
                assertTrue(read.contains(relative), relative + " is not parsed by any test");
            });
        }
    }
}
