package org.weft.server.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Mastodon 4.5 as a peer: user rosa, signing {@code (request-target) host date digest content-type} with rsa-sha256. */
public final class MastodonPeer extends FediversePeer {
    public static final List<String> SIGNED_HEADERS = List.of("(request-target)", "host", "date", "digest", "content-type");

    public MastodonPeer(String weftBase) {
        super(weftBase, "mastodon", "https://mastodon.example", "/users/rosa", "actor.json", "keys/mastodon-rosa.pem",
                SIGNED_HEADERS, "rsa-sha256");
    }

    public String rosa() {
        return actor();
    }

    public static PrivateKey rosaKey() {
        return privateKey("keys/mastodon-rosa.pem");
    }

    /**
     * Serves another user of this server, {@code /users/{name}}, with rosa's profile shape and a key of its own, so a
     * test can sign as them ({@link #deliver(java.net.URI, byte[], java.time.ZonedDateTime, PrivateKey, String)} with
     * {@code actorOf(name) + "#main-key"}). Returns the private key.
     */
    public PrivateKey addUser(String name) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode actor = (ObjectNode) TestHttp.json(fixture("mastodon/actor.json").replace("/users/rosa", "/users/" + name)
                .replace("/@rosa", "/@" + name));
        actor.put("preferredUsername", name).put("name", name);
        Base64.Encoder lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + lines.encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        ((ObjectNode) actor.get("publicKey")).put("publicKeyPem", pem);
        wireMock().stubFor(get(urlPathEqualTo("/users/" + name)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/activity+json; charset=utf-8").withBody(actor.toString())));
        return pair.getPrivate();
    }

    public String actorOf(String name) {
        return origin() + "/users/" + name;
    }

    /**
     * A direct message as Mastodon sends one (the shape of {@code create-note-direct.json}): a Create of a Note by
     * {@code author} ({@code /users/{author}}), addressed to {@code to} alone and mentioning it, in reply to
     * {@code inReplyTo} (may be null); the text comes after the mention, as Mastodon writes it.
     */
    public String directNote(String author, long status, String inReplyTo, String to, String toHandle, String text) {
        ObjectNode create = (ObjectNode) TestHttp.json(fixture("mastodon/create-note-direct.json"));
        String actor = actorOf(author);
        String id = actor + "/statuses/" + status;
        create.put("id", id + "/activity").put("actor", actor);
        create.putArray("to").add(to);
        create.putArray("cc");
        ObjectNode note = (ObjectNode) create.get("object");
        note.put("id", id).put("atomUri", id).put("url", origin() + "/@" + author + "/" + status).put("attributedTo", actor);
        note.put("inReplyTo", inReplyTo).put("inReplyToAtomUri", inReplyTo);
        note.putArray("to").add(to);
        note.putArray("cc");
        String user = toHandle.substring(1, toHandle.indexOf('@', 1));
        String html = "<p><span class=\"h-card\" translate=\"no\"><a href=\"" + to + "\" class=\"u-url mention\">@<span>"
                + user + "</span></a></span> " + text + "</p>";
        note.put("content", html);
        note.putObject("contentMap").put("en", html);
        note.putArray("tag").addObject().put("type", "Mention").put("href", to).put("name", toHandle);
        note.remove("replies");
        return create.toString();
    }
}
