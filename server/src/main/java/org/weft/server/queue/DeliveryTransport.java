package org.weft.server.queue;

import java.net.URI;

import org.weft.activitypub.delivery.DeliveryOutcome;

/** Sends one activity body to one inbox, signed as the local actor that wrote it. */
@FunctionalInterface
public interface DeliveryTransport {
    DeliveryOutcome deliver(URI inbox, byte[] body, long senderActorId);
}
