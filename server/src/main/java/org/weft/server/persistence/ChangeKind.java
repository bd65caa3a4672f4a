package org.weft.server.persistence;

/** What a row of the change feed says changed; the subject names which one. */
public enum ChangeKind {
    /** An actor's row, local or remote; the subject is its uri. */
    ACTOR,
    /** A proposal's row, local or a copy; the subject is its id. */
    PROPOSAL,
    /** The server blocklist; the subject is the blocked domain. */
    DOMAIN_BLOCK
}
