package org.weft.activitypub.delivery;

import java.net.URI;
import java.util.Objects;

/**
 * An actor to deliver to, as its actor document describes it.
 *
 * @param actorId the actor's id
 * @param inbox its personal {@code inbox}
 * @param sharedInbox its {@code endpoints.sharedInbox}, or null when it has none (GoToSocial)
 */
public record Recipient(URI actorId, URI inbox, URI sharedInbox) {

    /** Requires actor id and inbox. */
    public Recipient {
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(inbox, "inbox");
    }

    /** @return where this recipient's copy goes: the shared inbox when there is one */
    public URI deliveryInbox() {
        return sharedInbox != null ? sharedInbox : inbox;
    }
}
