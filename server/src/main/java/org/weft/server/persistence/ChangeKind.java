package org.weft.server.persistence;

/** What a row of the change feed says changed; the subject names which one. */
public enum ChangeKind {
    /** An actor's row, local or remote; the subject is its uri. */
    ACTOR,
    /** A proposal's row, local or a copy; the subject is its id. */
    PROPOSAL,
    /** The server blocklist; the subject is the blocked domain. */
    DOMAIN_BLOCK,
    /**
     * A failed sign-in, which the other nodes count as their own (not a row's change: written on its own); the subject
     * is the digests the sign-in limits count by.
     */
    LOGIN_FAILED,
    /** A successful sign-in, which ends a back-off on the other nodes too; the subject as for {@link #LOGIN_FAILED}. */
    LOGIN_OK
}
