package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * A match's reasons reach the member in their language, not always in English: in the API (the page language they
 * chose, unless the call asks for another with {@code ?lang=}, else their browser's) and in the direct message the
 * community sends to their own fediverse account, which names the other proposal's area in that language too.
 */
class MatchReasonsLanguageTest {

    @Test
    void reasonsAndMatchMessagesAreInTheMembersLanguage() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("camp", "Camp Board", null);
            weft.server().proposals().areas().create("camp-a", "Camp A", null, null);
            weft.server().proposals().areas().create("camp-a/block-3", "Block 3", null, null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient boris = ApiClient.newMember(weft, "boris", "Boris");
            // Amina reads Weft in Arabic (she chose it on a page) and gets news of matches on her Mastodon account.
            PageClient page = new PageClient(weft.base());
            page.login("amina", "a long enough password");
            assertEquals(303, page.submit("/account", "/language", Map.of("lang", "ar")).statusCode());
            expect(200, amina.send("PUT", "/me/fediverse-account", ApiClient.JSON,
                    ("{\"account\": \"" + mastodon.rosa() + "\"}").getBytes(StandardCharsets.UTF_8)));

            long before = weft.server().matching().matcher().applied();
            weft.server().proposals().service().create("amina", ProposalDraft.builder().community("camp")
                    .purpose(Purpose.REQUEST).language("en").title("We need a pram").categories("prams").build());
            weft.server().proposals().service().create("boris", ProposalDraft.builder().community("camp")
                    .purpose(Purpose.OFFER).language("en").title("A pram to give").categories("prams")
                    .area("camp-a/block-3").build());
            WaitFor.condition("both are matched", () -> weft.server().matching().matcher().applied() >= before + 2);

            Messages ar = Messages.forLanguage("ar");
            String bothGifts = ar.get("match.reason.SAME_KIND.gift");
            String arabic = expect(200, amina.get("/me/matches")).path("matches").get(0).path("reasonText").asText();
            var taxonomy = weft.server().proposals().taxonomy();
            String prams = taxonomy.byId("prams").map(c -> taxonomy.label(c, "ar")).orElseThrow();
            assertTrue(arabic.contains(ar.get("match.reason.SAME_CATEGORY", prams)) && arabic.contains(bothGifts), arabic);
            assertFalse(arabic.matches(".*[A-Za-z].*"), "no English left: " + arabic);
            String french = expect(200, amina.get("/me/matches?lang=fr")).path("matches").get(0).path("reasonText").asText();
            assertTrue(french.contains(Messages.forLanguage("fr").get("match.reason.SAME_KIND.gift")), french);
            // Boris chose nothing: his browser's language decides.
            HttpRequest spanish = HttpRequest.newBuilder(URI.create(weft.base() + "/api/v1/me/matches"))
                    .header("Authorization", "Bearer " + token(weft, "boris")).header("Accept-Language", "es-AR,es;q=0.9")
                    .build();
            String inSpanish = TestHttp.json(TestHttp.send(spanish).body()).path("matches").get(0).path("reasonText").asText();
            assertTrue(inSpanish.contains(Messages.forLanguage("es").get("match.reason.SAME_KIND.gift")), inSpanish);
            assertEquals(400, amina.get("/me/matches?lang=de").statusCode());

            JsonNode message = WaitFor.value("the community tells Amina's Mastodon account", () -> mastodon.inboxPosts()
                    .stream().map(r -> TestHttp.json(r.getBodyAsString())).filter(j -> "Create".equals(j.path("type").asText()))
                    .findFirst().orElse(null));
            String content = message.path("object").path("content").asText();
            assertTrue(content.contains(ar.get("notification.matchDirect.forRequest", "We need a pram", "A pram to give", "")
                    .replace(".", "")), content);
            assertTrue(content.contains(bothGifts), content);
            // Where the offer is, in her language too: the Arabic comma between the area and the one it is in.
            assertTrue(content.contains(ar.get("notification.matchDirect.area", "Camp A\u060c Block 3")), content);
            assertFalse(content.contains("A possible match") || content.contains("Why:"), "not in English: " + content);
            assertEquals(mastodon.rosa(), message.path("object").path("to").get(0).asText());
        }
    }

    private static String token(TestServers.Instance weft, String member) {
        return new ApiTokens(weft.server().db(), Clock.systemUTC()).create(member, "test");
    }
}
