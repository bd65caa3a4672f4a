package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.testing.IndependentRfc9421;
import org.weft.server.testing.LemmyPeer;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Deliveries signed with RFC 9421 the way Mastodon 4.5 signs them ({@code ("@method" "@target-uri" "content-digest")},
 * {@code created}, {@code keyid}, rsa-v1_5-sha256, with the Mastodon test key of the fixtures), made by
 * {@link IndependentRfc9421}, not by Weft's code. The genuine one is accepted at the first knock; every tampered one is
 * refused with 401, carrying the {@code Accept-Signature} Weft wants, and changes nothing. Both senders are known to
 * the instance before the attacks (a first delivery each), so a refusal cannot hide behind a stored key fetch.
 */
class Rfc9421AttackTest {
    private static final String ACCEPT_SIGNATURE = "sig1=(\"@method\" \"@target-uri\" \"content-digest\");created";

    private static TestServers.Instance weft;
    private static MastodonPeer mastodon;
    private static LemmyPeer lemmy;
    private static URI inbox;
    private static String group;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3", null);
        mastodon = new MastodonPeer(weft.base());
        lemmy = new LemmyPeer(weft.base());
        inbox = URI.create(weft.base() + "/inbox");
        group = weft.base() + "/groups/block3";
        // Known senders: each delivers once something Weft accepts and ignores.
        String rosaWaves = wave(mastodon.rosa(), "warm-up");
        assertEquals(202, AttackRequest.post(inbox, rosaWaves).signedBy(mastodon).rfc9421().send().status());
        String kofiWaves = wave(lemmy.actor(), "warm-up");
        assertEquals(202, AttackRequest.post(inbox, kofiWaves).signedBy(lemmy, "hs2019", LemmyPeer.SIGNED_HEADERS)
                .send().status());
        WaitFor.inboundDone(weft, TestHttp.json(rosaWaves).path("id").asText());
        WaitFor.inboundDone(weft, TestHttp.json(kofiWaves).path("id").asText());
    }

    @AfterAll
    static void stop() {
        lemmy.close();
        mastodon.close();
        weft.close();
    }

    private static String wave(String actor, String id) {
        return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + actor + "#waves/" + id
                + "\",\"type\":\"Wave\",\"actor\":\"" + actor + "\",\"object\":\"" + group + "\"}";
    }

    private static String rosaFollows(String id) {
        return mastodon.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina", group)
                .replace("7d3b2f10-2c4e-4a8b-9f61-0e5d4c3b2a19", id);
    }

    private static AttackRequest mastodon45(String id) {
        return AttackRequest.post(inbox, rosaFollows(id)).signedBy(mastodon).rfc9421();
    }

    private static void assertRefused(AttackRequest attack, String reason) {
        RawHttp.Response answer = Refused.assertRefused(weft, attack::send, 401, reason);
        assertEquals(ACCEPT_SIGNATURE, answer.headers().get("Accept-Signature"), "a 401 says what Weft asks for");
    }

    @Test
    void aDeliverySignedAsMastodon45SignsIsAcceptedAtTheFirstKnockAndRosaSeesTheAccept() throws Exception {
        String id = "rfc-follow-" + UUID.randomUUID();
        RawHttp.Response answer = mastodon45(id).send();

        assertEquals(202, answer.status(), answer.body());
        assertNull(answer.headers().get("Accept-Signature"));
        WaitFor.inboundDone(weft, mastodon.origin() + "/" + id);
        assertEquals(FollowEntity.State.ACCEPTED, followState());

        // What rosa's server sees: an Accept, signed with RFC 9421 by the community, verifiable with its published key.
        LoggedRequest accept = WaitFor.value("the Accept reaches rosa's server", () -> mastodon.inboxPosts().stream()
                .filter(r -> r.getBodyAsString().contains(id)).findFirst().orElse(null));
        assertEquals(group + "#main-key", IndependentRfc9421.keyIdOf(accept::getHeader));
        assertEquals(IndependentRfc9421.MASTODON_POST, IndependentRfc9421.components(accept.getHeader("Signature-Input")));
        assertEquals(IndependentRfc9421.contentDigest(accept.getBody()), accept.getHeader("Content-Digest"));
        assertTrue(IndependentRfc9421.verify("POST", URI.create(accept.getAbsoluteUrl()), accept::getHeader,
                accept.getHeader("Signature-Input"), accept.getHeader("Signature"), groupKey()));
        WaitFor.deliveriesDrained(weft);
        undoFollow(id);
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        String other = rosaFollows("changed-body").replace("Follow", "Block");
        assertRefused(mastodon45("changed-body").bodySent(other, false), "DIGEST_MISMATCH");
        assertRefused(mastodon45("changed-body").bodySent(other, true), "BAD_SIGNATURE");
    }

    @Test
    void anotherMethodThanTheOneSignedIsRefused() {
        assertRefused(mastodon45("other-method").signedMethod("PUT"), "BAD_SIGNATURE");
    }

    @Test
    void anotherTargetThanTheOneSignedIsRefused() {
        assertRefused(mastodon45("other-path").signedTarget(weft.base() + "/users/nadia/inbox"), "BAD_SIGNATURE");
        assertRefused(mastodon45("other-query").signedTarget(inbox + "?page=1"), "BAD_SIGNATURE");
        assertRefused(mastodon45("other-server").signedTarget("https://camp.elsewhere.example/inbox"), "BAD_SIGNATURE");
        // Captured at another server's inbox with its Host: refused before any key lookup.
        AttackRequest elsewhere = mastodon45("other-host").host("camp.elsewhere.example")
                .signedTarget("http://camp.elsewhere.example/inbox");
        RawHttp.Response answer = Refused.assertRefused(weft, () -> elsewhere.sendTo(weft.server().port()), 401,
                "HOST_MISMATCH");
        assertEquals(ACCEPT_SIGNATURE, answer.headers().get("Accept-Signature"));
    }

    @Test
    void aCreatedOutsideTheWindowIsRefused() {
        Instant now = Instant.now();
        assertRefused(mastodon45("too-old").created(now.minus(Duration.ofHours(2))), "DATE_OUT_OF_WINDOW");
        assertRefused(mastodon45("too-new").created(now.plus(Duration.ofHours(2))), "DATE_OUT_OF_WINDOW");
    }

    @Test
    void aSignatureThatLeavesTheDigestOutIsRefused() {
        assertRefused(mastodon45("no-digest").covering(List.of("@method", "@target-uri")), "DIGEST_NOT_SIGNED");
        assertRefused(mastodon45("no-target").covering(List.of("@method", "content-digest")), "REQUEST_TARGET_NOT_SIGNED");
    }

    @Test
    void aKeyOfAnotherHostCannotSpeakForRosa() {
        // Kofi, on another server, signs (validly, with his own key) a Follow that claims to be rosa's.
        AttackRequest forged = AttackRequest.post(inbox, rosaFollows("kofi-as-rosa")).signedBy(lemmy, "hs2019",
                LemmyPeer.SIGNED_HEADERS).rfc9421();
        assertRefused(forged, "activity's actor is");
    }

    @Test
    void aReplayIsRefusedEvenWithASecondLabelBeforeOrAfterIt() {
        String id = "replayed-" + UUID.randomUUID();
        Instant signedAt = Instant.now();
        AttackRequest follow = mastodon45(id).date(signedAt);
        assertEquals(202, follow.send().status());
        WaitFor.inboundDone(weft, mastodon.origin() + "/" + id);
        WaitFor.deliveriesDrained(weft);
        undoFollow(id);

        // The very same bytes, then the same signature with a label of the attacker's before or after it.
        assertRefused(follow, "REPLAYED");
        String extraInput = "x=(\"@method\");created=" + Instant.now().getEpochSecond() + ";keyid=\"" + mastodon.keyId() + "\"";
        assertRefused(follow.label(extraInput, "x=:AAAA:", false), "REPLAYED");
        assertRefused(mastodon45(id).date(signedAt).label(extraInput, "x=:AAAA:", true), "REPLAYED");
        assertNull(followState(), "rosa was not made to follow again");
    }

    @Test
    void aForgedFirstLabelIsNotRescuedByAGenuineSecondOne() {
        // A label that covers all Weft asks for comes first and is the one checked: its bad signature fails the request.
        String forgedInput = "sig0=(\"@method\" \"@target-uri\" \"content-digest\");created=" + Instant.now().getEpochSecond()
                + ";keyid=\"" + mastodon.keyId() + "\"";
        String forged = "sig0=:" + Base64.getEncoder().encodeToString(new byte[256]) + ":";
        assertRefused(mastodon45("forged-first").label(forgedInput, forged, true), "BAD_SIGNATURE");
    }

    private static void undoFollow(String id) {
        String undo = mastodon.fixture("mastodon/undo-follow.json").replace(weft.base() + "/users/amina", group)
                .replace("7d3b2f10-2c4e-4a8b-9f61-0e5d4c3b2a19", id).replace("2381771", id);
        RawHttp.Response answer = AttackRequest.post(inbox, undo).signedBy(mastodon).rfc9421().send();
        assertEquals(202, answer.status(), answer.body());
        WaitFor.inboundDone(weft, TestHttp.json(undo).path("id").asText());
        WaitFor.deliveriesDrained(weft);
        assertNull(followState());
    }

    private static FollowEntity.State followState() {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                        "select f.state from FollowEntity f where f.follower.uri = :a and f.followee.uri = :g",
                        FollowEntity.State.class)
                .setParameter("a", mastodon.rosa()).setParameter("g", group).uniqueResultOptional().orElse(null));
    }

    private static PublicKey groupKey() throws Exception {
        JsonNode actor = TestHttp.activityJson(group);
        String pem = actor.path("publicKey").path("publicKeyPem").asText()
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
