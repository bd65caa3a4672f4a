package org.weft.activitypub.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.weft.activitypub.signature.ActorKey;
import org.weft.activitypub.signature.KeyResolver;
import org.weft.activitypub.signature.RsaKeys;

/**
 * Resolves a signature's {@code keyId} by fetching it, and only trusts a key its owner vouches for.
 *
 * <p>The keyId is fetched without its fragment. Accepted answers:
 * <ul>
 *   <li>an actor served at its own id whose {@code publicKey} (one object or an array) has this id —
 *       Mastodon's {@code …/users/rosa#main-key}; the owner is that actor;</li>
 *   <li>a key document ({@code id}, {@code owner}, {@code publicKeyPem}) or a stub actor served under
 *       another id — GoToSocial's {@code …/main-key}; then the owner is fetched (id-checked) and must list
 *       the same key id itself.</li>
 * </ul>
 * 404, 410 and documents that do not qualify give an empty result; network and other HTTP failures are
 * thrown so the caller can tell "no such key" from "try later". There is no cache here: the server wraps
 * this class with one, so {@code forceRefresh} is ignored.
 */
public final class KeyDocumentResolver implements KeyResolver {

    private static final Set<FetchException.Reason> NO_SUCH_DOCUMENT = Set.of(
            FetchException.Reason.GONE, FetchException.Reason.INVALID_URI, FetchException.Reason.FORBIDDEN_ADDRESS,
            FetchException.Reason.WRONG_CONTENT_TYPE, FetchException.Reason.INVALID_JSON,
            FetchException.Reason.ID_MISMATCH, FetchException.Reason.TOO_LARGE);

    private final ActivityPubClient client;

    /** @param client the client used for both fetches (give it the instance signer: GoToSocial requires it) */
    public KeyDocumentResolver(ActivityPubClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Optional<ActorKey> resolve(String keyId, boolean forceRefresh) throws IOException {
        Optional<URI> keyUri = parse(keyId);
        if (keyUri.isEmpty()) {
            return Optional.empty();
        }
        Optional<FetchedDocument> fetched = fetchDocument(keyUri.get());
        if (fetched.isEmpty()) {
            return Optional.empty();
        }
        JsonNode document = fetched.get().json();
        String documentId = fetched.get().id();
        Optional<JsonNode> listed = findKey(document.get("publicKey"), keyId);
        if (listed.isPresent() && fetched.get().finalUri().toString().equals(documentId)) {
            String owner = text(listed.get(), "owner");
            if (owner != null && !owner.equals(documentId)) {
                return Optional.empty();
            }
            return actorKey(keyId, documentId, listed.get(), null);
        }
        return resolveThroughOwner(keyId, document, documentId, listed);
    }

    /** The document is not the owning actor itself: only the owner's own listing makes the key trusted. */
    private Optional<ActorKey> resolveThroughOwner(String keyId, JsonNode document, String documentId,
                                                   Optional<JsonNode> listed) throws IOException {
        JsonNode keyObject;
        String ownerId;
        if (listed.isPresent()) {
            keyObject = listed.get();
            ownerId = Optional.ofNullable(text(keyObject, "owner")).orElse(documentId);
        } else if (keyId.equals(documentId) && document.has("publicKeyPem")) {
            keyObject = document;
            ownerId = text(document, "owner");
        } else {
            return Optional.empty();
        }
        Optional<URI> ownerUri = parse(ownerId);
        if (ownerUri.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonNode> owner = fetchObject(ownerUri.get());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonNode> confirmed = findKey(owner.get().get("publicKey"), keyId);
        if (confirmed.isEmpty()) {
            return Optional.empty();
        }
        return actorKey(keyId, ownerId, confirmed.get(), keyObject);
    }

    private Optional<FetchedDocument> fetchDocument(URI uri) throws FetchException {
        try {
            return Optional.of(client.fetchDocument(uri));
        } catch (FetchException e) {
            return absentOrThrow(e);
        }
    }

    private Optional<JsonNode> fetchObject(URI uri) throws FetchException {
        try {
            return Optional.of(client.fetchObject(uri));
        } catch (FetchException e) {
            return absentOrThrow(e);
        }
    }

    private static <T> Optional<T> absentOrThrow(FetchException e) throws FetchException {
        if (NO_SUCH_DOCUMENT.contains(e.reason()) || e.status() == 404) {
            return Optional.empty();
        }
        throw e;
    }

    /** Finds the entry with this id in a {@code publicKey} value: one object, an array, or bare id strings. */
    private static Optional<JsonNode> findKey(JsonNode publicKey, String keyId) {
        if (publicKey == null) {
            return Optional.empty();
        }
        if (publicKey.isArray()) {
            for (JsonNode entry : publicKey) {
                if (keyId.equals(entryId(entry))) {
                    return Optional.of(entry);
                }
            }
            return Optional.empty();
        }
        return keyId.equals(entryId(publicKey)) ? Optional.of(publicKey) : Optional.empty();
    }

    private static String entryId(JsonNode entry) {
        return entry.isTextual() ? entry.asText() : text(entry, "id");
    }

    /** Takes the PEM from the owner's listing, or from the key document when the owner lists only the id. */
    private static Optional<ActorKey> actorKey(String keyId, String ownerId, JsonNode listing, JsonNode keyDocument) {
        String pem = text(listing, "publicKeyPem");
        if (pem == null && keyDocument != null) {
            pem = text(keyDocument, "publicKeyPem");
        }
        if (pem == null) {
            return Optional.empty();
        }
        try {
            PublicKey key = RsaKeys.publicKeyFromPem(pem);
            return Optional.of(new ActorKey(keyId, ownerId, key));
        } catch (InvalidKeySpecException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null || !node.isObject() ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static Optional<URI> parse(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme();
            boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
            return web && parsed.getHost() != null ? Optional.of(parsed) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
