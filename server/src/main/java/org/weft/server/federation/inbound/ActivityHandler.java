package org.weft.server.federation.inbound;

import java.io.IOException;

import org.weft.activitypub.vocab.Activity;

/** Processes one kind of inbound activity. The signer has already been checked to be {@code activity.actor()}. */
@FunctionalInterface
public interface ActivityHandler {
    /**
     * Applies the activity. Throw {@link IgnoredActivity} for activities that are valid but must not
     * change anything (they are not retried); any other exception means "try again later".
     */
    void handle(Activity activity) throws IOException, IgnoredActivity;
}
