package org.weft.server.federation;

import java.net.URI;

import org.weft.activitypub.delivery.DeliveryOutcome;
import org.weft.activitypub.delivery.InboxPoster;
import org.weft.server.domain.actor.LocalSigners;
import org.weft.server.queue.DeliveryTransport;

/** The real transport: one POST signed with the sending actor's key. */
public final class SignedDelivery implements DeliveryTransport {
    private final InboxPoster poster;
    private final LocalSigners signers;

    public SignedDelivery(InboxPoster poster, LocalSigners signers) {
        this.poster = poster;
        this.signers = signers;
    }

    @Override
    public DeliveryOutcome deliver(URI inbox, byte[] body, long senderActorId) {
        return poster.deliver(inbox, body, signers.forActor(senderActorId));
    }
}
