package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.vocab.AgreementOffer;
import org.weft.server.api.ApiClient;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * Alma, on another server, offered to take Bea's pram (a FEP-0837 {@code Offer}); then she was blocked, by the
 * community's moderator or by Bea herself. Bea can no longer accept or decline her answer, on the page or through the
 * API, alike: the refusal says why in Bea's language, the answer stays waiting, the offer stays open, and Alma's server
 * is sent no {@code Accept}, {@code Reject} or hand-off (she would be told she was accepted while her messages are
 * dropped).
 */
class BlockedResponderTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void anAnswerFromAnAccountTheCommunityBlockedCannotBeDecided() throws IOException {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer alma = new MastodonPeer(weft.base())) {
            Scene scene = Scene.start(weft, alma);
            weft.server().localActors().createMember("mona", "Mona", PASSWORD, false);
            weft.server().moderators().add("block3", "mona", Optional.empty());
            weft.server().safety().accounts().blockForCommunity("block3", alma.rosa(), Optional.of(memberId(weft, "mona")),
                    "Floods our members");
            WaitFor.condition("the Block reaches alma's server", () -> !delivered(alma, "Block").isEmpty());

            scene.assertUndecidable();
        }
    }

    @Test
    void anAnswerFromAnAccountTheAuthorBlockedCannotBeDecided() throws IOException {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer alma = new MastodonPeer(weft.base())) {
            Scene scene = Scene.start(weft, alma);
            weft.server().safety().accounts().blockForMember(memberId(weft, "bea"), alma.rosa());

            scene.assertUndecidable();
        }
    }

    /** Bea's offer in block3 and Alma's answer to it, waiting. */
    private record Scene(TestServers.Instance weft, MastodonPeer alma, ApiClient bea, long offerId, String offerPath,
                         long responseId) {
        static Scene start(TestServers.Instance weft, MastodonPeer alma) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient bea = ApiClient.newMember(weft, "bea", "Bea");
            JsonNode offer = expect(201, bea.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "A pram to lend", "categories": ["prams"],
                     "kind": "loan"}"""));
            String uri = offer.path("uri").asText();
            String answer = new AgreementOffer(alma.origin() + "/activities/offer/1", alma.rosa(),
                    weft.base() + "/users/bea", alma.origin() + "/agreements/1", uri + "#primary", "transfer", null,
                    "<p>I will take it</p>", Instant.now()).toActivity().toJson().toString();
            assertEquals(202, alma.deliver(URI.create(weft.base() + "/inbox"), answer).statusCode());
            long offerId = offer.path("id").asLong();
            long responseId = WaitFor.value("alma's answer reaches bea", () -> {
                JsonNode items = expect(200, bea.get("/proposals/" + offerId + "/responses")).path("items");
                return items.isEmpty() ? null : items.get(0).path("id").asLong();
            });
            return new Scene(weft, alma, bea, offerId, URI.create(uri).getPath(), responseId);
        }

        void assertUndecidable() {
            String decide = "/responses/" + responseId;
            JsonNode refused = expect(400, bea.post(decide + "/accept", "{}"));
            assertEquals("responder_blocked", refused.path("error").asText(), refused.toString());
            assertEquals(Messages.forLanguage("en").get("error.responder_blocked"), refused.path("message").asText());
            JsonNode inArabic = expect(400, bea.post(decide + "/accept?lang=ar", "{\"handOff\": \"Tent 12\"}"));
            assertEquals(Messages.forLanguage("ar").get("error.responder_blocked"), inArabic.path("message").asText());
            assertEquals("responder_blocked", expect(400, bea.post(decide + "/decline", "{}")).path("error").asText(),
                    "declining would send her a Reject");

            for (String language : List.of("en", "ar")) {
                PageClient page = new PageClient(weft.base()).language(language);
                page.login("bea", PASSWORD);
                String seen = page.get(offerPath).body();
                assertFalse(seen.contains("action=\"" + decide + "/accept\""), "no Accept button: " + seen);
                HttpResponse<String> accepted = page.submit(offerPath, decide + "/accept", Map.of("handoff", "Tent 12"));
                assertEquals(400, accepted.statusCode(), accepted.body());
                assertTrue(accepted.body().contains(Messages.forLanguage(language).get("error.responder_blocked")),
                        language + ": " + accepted.body());
            }

            assertEquals(ResponseEntity.State.NEW, weft.server().db().inTransaction(s -> s.find(ResponseEntity.class,
                    responseId).getState()), "her answer still waits");
            assertEquals("open", expect(200, bea.get("/proposals/" + offerId)).path("status").asText(), "not promised");
            WaitFor.deliveriesDrained(weft);
            for (String type : List.of("Accept", "Reject", "Create", "Update")) {
                assertEquals(List.of(), delivered(alma, type), type + " sent to the blocked account");
            }
        }
    }

    private static List<JsonNode> delivered(MastodonPeer peer, String type) {
        return peer.inboxPosts().stream().map(r -> TestHttp.json(new String(r.getBody(), StandardCharsets.UTF_8)))
                .filter(j -> type.equals(j.path("type").asText())).toList();
    }

    private static long memberId(TestServers.Instance weft, String username) {
        return weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, username).orElseThrow().getId());
    }
}
