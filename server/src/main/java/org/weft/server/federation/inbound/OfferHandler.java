package org.weft.server.federation.inbound;

import java.io.IOException;

import org.weft.activitypub.vocab.Activity;
import org.weft.activitypub.vocab.AgreementOffer;
import org.weft.server.domain.actor.RemoteActors;
import org.weft.server.domain.response.AgreementService;

/** {@code Offer} of an {@code Agreement} (FEP-0837): a response from another Weft instance to one of our proposals. */
public final class OfferHandler implements ActivityHandler {
    private final AgreementService agreements;
    private final RemoteActors remoteActors;

    public OfferHandler(AgreementService agreements, RemoteActors remoteActors) {
        this.agreements = agreements;
        this.remoteActors = remoteActors;
    }

    @Override
    public void handle(Activity activity) throws IOException, IgnoredActivity {
        if (!AgreementOffer.isAgreementOffer(activity.raw())) {
            throw new IgnoredActivity("Offer of something other than an Agreement");
        }
        AgreementOffer offer;
        try {
            offer = AgreementOffer.fromJson(activity.raw());
        } catch (RuntimeException e) {
            throw new IgnoredActivity("Unusable Offer: " + e.getMessage());
        }
        switch (agreements.offerReceived(offer, remoteActors.resolve(activity.actor()))) {
            case KEPT -> {
            }
            case UNUSABLE -> throw new IgnoredActivity("Offer " + offer.offerId() + " is for no open proposal here,"
                    + " already known, or has an id too long to keep");
            case BLOCKED -> throw new IgnoredActivity("Offer " + offer.offerId() + " from an account the proposal's"
                    + " author or community blocked, or of a server the community refuses");
        }
    }
}
