package org.weft.activitypub.delivery;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import org.weft.activitypub.client.ActivityPubClient;
import org.weft.activitypub.signature.ActorSigner;
import org.weft.activitypub.signature.HttpSigner;

/**
 * Makes one signed delivery (one POST, or two when the client double-knocks) and says what became of it.
 * Never throws for remote failures.
 */
public final class InboxPoster {

    private final ActivityPubClient client;
    private final OutcomeClassifier classifier;

    /**
     * @param client the HTTP client (its address check applies to inboxes too)
     * @param classifier how statuses and failures map to outcomes
     */
    public InboxPoster(ActivityPubClient client, OutcomeClassifier classifier) {
        this.client = Objects.requireNonNull(client, "client");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /**
     * @param inbox where to post
     * @param activity the activity's JSON bytes, exactly as rendered once for every inbox
     * @param signer the sending actor's signer
     * @return delivered, retry (with any Retry-After) or give up
     */
    public DeliveryOutcome deliver(URI inbox, byte[] activity, HttpSigner signer) {
        try {
            return classifier.classify(client.post(inbox, activity, signer));
        } catch (IOException e) {
            return classifier.classify(e);
        }
    }

    /**
     * Delivers with double-knocking ({@link ActivityPubClient#post(URI, byte[], ActorSigner)}): RFC 9421 first
     * (draft-cavage first for a host remembered as taking only that), the other scheme once more after a 400 or
     * 401. The outcome is that of the last request, so a delivery both schemes refused is classified like any 400
     * or 401, and the retry policy applies to it as to any other.
     *
     * @param inbox where to post
     * @param activity the activity's JSON bytes, exactly as rendered once for every inbox
     * @param signer the sending actor's signer in both schemes
     * @return delivered, retry (with any Retry-After) or give up
     */
    public DeliveryOutcome deliver(URI inbox, byte[] activity, ActorSigner signer) {
        try {
            return classifier.classify(client.post(inbox, activity, signer));
        } catch (IOException e) {
            return classifier.classify(e);
        }
    }
}
