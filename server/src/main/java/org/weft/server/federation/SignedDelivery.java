package org.weft.server.federation;

import java.net.URI;

import org.weft.activitypub.delivery.DeliveryOutcome;
import org.weft.activitypub.delivery.InboxPoster;
import org.weft.server.domain.actor.LocalSigners;
import org.weft.server.queue.DeliveryTransport;

/**
 * The real transport: one POST signed with the sending actor's key, RFC 9421 first, and a second one signed
 * with draft-cavage when the inbox answers 400 or 401 (the client's double-knock, which remembers per host
 * which scheme it takes). The outcome is the last answer's, so the retry policy treats both knocks alike.
 */
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
