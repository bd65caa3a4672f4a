package org.weft.server.attack;

import org.weft.server.persistence.InboundActivityEntity;
import org.weft.server.testing.TestServers;

/** What the attack tests read back from the instance under attack. */
final class Attacks {
    private Attacks() {
    }

    /** Inbound activities stored from one actor (the inbox writes the row before it answers 202). */
    static long inboundFrom(TestServers.Instance weft, String actorUri) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from InboundActivityEntity where actorUri = :a", Long.class)
                .setParameter("a", actorUri).getSingleResult());
    }

    /** Inbound activities from one actor not yet finished (processed, ignored or failed). */
    static long inboundPending(TestServers.Instance weft, String actorUri) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from InboundActivityEntity where actorUri = :a and state = :p", Long.class)
                .setParameter("a", actorUri).setParameter("p", InboundActivityEntity.State.PENDING)
                .getSingleResult());
    }
}
