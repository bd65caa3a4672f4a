package org.weft.activitypub.client;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.weft.activitypub.signature.Rfc9421Signer;
import org.weft.activitypub.signature.SignatureScheme;

/**
 * Remembers, per remote host, which signature scheme its server took, so the client knocks with that
 * scheme first ({@link ActivityPubClient}'s double-knock). The server implements this in its database so
 * that every node shares what one learned and a restart keeps it; {@link InMemorySchemeMemory} serves
 * tests and single-process use. Implementations must be thread-safe; a failure to read or write should
 * be logged and swallowed (the knock then simply starts with RFC 9421).
 */
public interface SchemeMemory {

    /**
     * What was learned about a host.
     *
     * @param scheme the scheme its server last took
     * @param since when that was learned
     */
    record Remembered(SignatureScheme scheme, Instant since) {
        /** Rejects nulls. */
        public Remembered {
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(since, "since");
        }
    }

    /**
     * @param host a host key as {@link #hostOf} makes it
     * @return what was learned about it, if anything
     */
    Optional<Remembered> recall(String host);

    /**
     * @param host a host key as {@link #hostOf} makes it
     * @param scheme the scheme its server just took
     * @param at when
     */
    void remember(String host, SignatureScheme scheme, Instant at);

    /**
     * The key a host is remembered under: the URL's authority in lower case, with the port only when it is
     * not the scheme's default ({@code mastodon.example}, {@code 127.0.0.1:8080}).
     *
     * @param url any URL on that host
     * @return the host key
     */
    static String hostOf(URI url) {
        return Rfc9421Signer.authority(url);
    }
}
