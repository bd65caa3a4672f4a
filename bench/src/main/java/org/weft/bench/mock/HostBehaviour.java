package org.weft.bench.mock;

/** How one mock host treats requests. */
public enum HostBehaviour {
    /** Answers every request (after the configured latency). */
    ANSWER,
    /** Accepts the connection, reads the request and never answers: a peer that hangs. */
    BLACK_HOLE
}
