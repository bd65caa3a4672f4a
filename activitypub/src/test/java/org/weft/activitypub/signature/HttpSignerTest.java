package org.weft.activitypub.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSignerTest {

    private static final KeyPair KEYS = RsaKeys.generate();
    private static final String KEY_ID = "https://camp.weft.test/users/amina#main-key";
    private static final Instant NOW = Instant.parse("2026-11-07T09:05:03Z");

    private final HttpSigner signer = new HttpSigner(KEY_ID, KEYS.getPrivate());

    @Test
    void postCarriesMastodonsHeadersInOrder() {
        byte[] body = "{\"type\":\"Create\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signer.signPost(URI.create("https://mastodon.example/inbox"), body,
                "application/activity+json", NOW);

        assertEquals(List.of("Date", "Digest", "Content-Type", "Host", "Signature"), List.copyOf(headers.keySet()));
        assertEquals("Sat, 07 Nov 2026 09:05:03 GMT", headers.get("Date"));
        assertEquals(Digests.sha256Header(body), headers.get("Digest"));
        assertEquals("mastodon.example", headers.get("Host"));
        String signature = headers.get("Signature");
        assertTrue(signature.startsWith("keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\","), signature);
        assertTrue(signature.contains("headers=\"(request-target) host date digest content-type\""), signature);
        assertTrue(!signature.startsWith("Signature "), "toParamString, not the Authorization form");
    }

    @Test
    void getSignsAcceptAndHost() {
        Map<String, String> headers = signer.signGet(URI.create("https://mastodon.example/users/rosa/outbox?page=true"),
                "application/activity+json", NOW);
        assertEquals(List.of("Date", "Accept", "Host", "Signature"), List.copyOf(headers.keySet()));
        assertTrue(headers.get("Signature").contains("headers=\"(request-target) host date accept\""));
    }

    @Test
    void hostHeaderIsWhatHttpClientSends() {
        assertEquals("example.com", HttpSigner.hostHeader(URI.create("https://example.com:443/inbox")));
        assertEquals("example.com", HttpSigner.hostHeader(URI.create("http://example.com:80/inbox")));
        assertEquals("example.com:8443", HttpSigner.hostHeader(URI.create("https://example.com:8443/inbox")));
        assertEquals("127.0.0.1:8080", HttpSigner.hostHeader(URI.create("http://127.0.0.1:8080/inbox")));
        assertEquals("example.com:443", HttpSigner.hostHeader(URI.create("http://example.com:443/")));
        assertEquals("[::1]:8080", HttpSigner.hostHeader(URI.create("http://[::1]:8080/")));
    }

    @Test
    void requestTargetKeepsTheRawQuery() {
        assertEquals("/outbox?page=2&max_id=a%20b", HttpSigner.pathAndQuery(URI.create("https://h/outbox?page=2&max_id=a%20b")));
        assertEquals("/", HttpSigner.pathAndQuery(URI.create("https://h")));
    }

    @Test
    void dateStaysEnglishWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            Map<String, String> headers = signer.signPost(URI.create("https://h.example/inbox"), new byte[0],
                    "application/activity+json", NOW);
            assertEquals("Sat, 07 Nov 2026 09:05:03 GMT", headers.get("Date"));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
