package org.weft.server.attack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestServers;

/**
 * A sender whose keyId answers with a redirect to a URL Weft must never request (another scheme, no host). The
 * request is refused with 401, as for any unknown key (it used to be a 500: the request was built before the
 * address guard ran), the forbidden URL is never requested and nothing is stored.
 */
class KeyRedirectAttackTest {
    private static TestServers.Instance weft;
    private static MastodonPeer mastodon;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3", null);
        mastodon = new MastodonPeer(weft.base());
    }

    @AfterAll
    static void stop() {
        mastodon.close();
        weft.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gopher://127.0.0.1:%d/_stats", "ftp://127.0.0.1:%d/keys", "file:///etc/passwd"})
    void aKeyIdThatRedirectsWhereNoRequestMayGoIsAnUnknownKey(String target) {
        mastodon.wireMock().resetRequests();
        String name = "mallory" + Math.abs(target.hashCode());
        mastodon.wireMock().stubFor(get(urlPathEqualTo("/users/" + name)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", String.format(target, mastodon.wireMock().port()))));
        String mallory = mastodon.origin() + "/users/" + name;
        String follow = mastodon.fixture("mastodon/follow.json").replace(mastodon.rosa(), mallory)
                .replace(weft.base() + "/users/amina", weft.base() + "/groups/block3");
        AttackRequest attack = AttackRequest.post(URI.create(weft.base() + "/inbox"), follow).signedBy(mastodon)
                .keyId(mallory + "#main-key");

        Refused.assertRefused(weft, attack::send, 401, "UNKNOWN_KEY");
        mastodon.wireMock().verify(1, getRequestedFor(urlPathEqualTo("/users/" + name)));
        assertEquals(List.of(), mastodon.wireMock().getAllServeEvents().stream()
                .map(e -> e.getRequest().getUrl()).filter(url -> !url.equals("/users/" + name)).toList(),
                "nothing but the key URL was requested");
    }
}
