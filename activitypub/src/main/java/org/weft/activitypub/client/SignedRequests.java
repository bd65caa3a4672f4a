package org.weft.activitypub.client;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.weft.activitypub.signature.ActorSigner;
import org.weft.activitypub.signature.HttpSigner;
import org.weft.activitypub.signature.SignatureRequest;
import org.weft.activitypub.signature.SignatureScheme;

/**
 * Builds the client's requests, signed in the scheme asked for, each at the moment it is built (a second
 * knock carries its own signing time). Requests are built only after the address check has passed.
 */
final class SignedRequests {

    private final String userAgent;
    private final Duration timeout;
    private final Clock clock;

    SignedRequests(String userAgent, Duration timeout, Clock clock) {
        this.userAgent = userAgent;
        this.timeout = timeout;
        this.clock = clock;
    }

    HttpRequest unsignedGet(URI uri, String accept) {
        return get(uri).header("Accept", accept).build();
    }

    HttpRequest get(URI uri, String accept, HttpSigner signer) {
        return withSignedHeaders(get(uri), signer.signGet(uri, accept, clock.instant()));
    }

    HttpRequest get(URI uri, String accept, ActorSigner signer, SignatureScheme scheme, SignatureRequest shape) {
        Instant now = clock.instant();
        return withSignedHeaders(get(uri), scheme == SignatureScheme.RFC_9421
                ? signer.rfc9421().signGet(uri, accept, now, shape)
                : signer.draftCavage().signGet(uri, accept, now));
    }

    HttpRequest post(URI inbox, byte[] body, String contentType, HttpSigner signer) {
        return withSignedHeaders(post(inbox, body), signer.signPost(inbox, body, contentType, clock.instant()));
    }

    HttpRequest post(URI inbox, byte[] body, String contentType, ActorSigner signer, SignatureScheme scheme,
                     SignatureRequest shape) {
        Instant now = clock.instant();
        return withSignedHeaders(post(inbox, body), scheme == SignatureScheme.RFC_9421
                ? signer.rfc9421().signPost(inbox, body, contentType, now, shape)
                : signer.draftCavage().signPost(inbox, body, contentType, now));
    }

    private HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent).GET();
    }

    private HttpRequest.Builder post(URI inbox, byte[] body) {
        return HttpRequest.newBuilder(inbox).timeout(timeout).header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static HttpRequest withSignedHeaders(HttpRequest.Builder request, Map<String, String> signed) {
        // HttpClient sets Host and Content-Length itself, to the very values that were signed.
        signed.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                request.header(name, value);
            }
        });
        return request.build();
    }
}
