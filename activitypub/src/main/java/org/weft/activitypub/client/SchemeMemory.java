package org.weft.activitypub.client;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.weft.activitypub.signature.Rfc9421Signer;
import org.weft.activitypub.signature.SignatureScheme;

/**
 * Remembers the remote hosts that take only one signature scheme: those that refused the first knock and took
 * the second ({@link ActivityPubClient}'s double-knock). Such a host is knocked with that scheme first for a
 * day; a host remembered nothing about gets the method's preferred scheme. The server implements this in its
 * database so that every node shares what one learned and a restart keeps it; {@link InMemorySchemeMemory}
 * serves tests and single-process use. Implementations must be thread-safe; a failure to read or write should
 * be logged and swallowed (the knock then simply starts with the preferred scheme).
 */
public interface SchemeMemory {

    /**
     * What was learned about a host.
     *
     * @param scheme the only scheme its server took when last asked
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
     * The host refused one scheme and took the other: remember it (replacing what was remembered).
     *
     * @param host a host key as {@link #hostOf} makes it
     * @param scheme the scheme its server took
     * @param at when
     */
    void remember(String host, SignatureScheme scheme, Instant at);

    /**
     * The host took a request in the scheme it was not remembered with: it takes both, or has moved on; forget it.
     *
     * @param host a host key as {@link #hostOf} makes it
     */
    void forget(String host);

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
