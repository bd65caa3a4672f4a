package org.weft.server.domain.actor;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import org.weft.activitypub.client.ActivityPubClient;
import org.weft.activitypub.webfinger.Jrd;
import org.weft.activitypub.webfinger.JrdLink;
import org.weft.activitypub.webfinger.JrdLinks;
import org.weft.activitypub.webfinger.WebFingerResource;

/** Turns {@code @user@host} into an actor URL the way Mastodon does: WebFinger, then the self link. */
public final class WebFingerLookup {
    private final ActivityPubClient client;
    private final boolean allowPlainHttp;

    public WebFingerLookup(ActivityPubClient client, boolean allowPlainHttp) {
        this.client = client;
        this.allowPlainHttp = allowPlainHttp;
    }

    public String actorUri(String handle) throws IOException {
        Jrd jrd = lookup(handle);
        return jrd.actorId()
                .orElseThrow(() -> new IOException("WebFinger for " + handle + " names no ActivityPub actor"));
    }

    /**
     * The OStatus subscribe template of a handle's server ({@code https://host/authorize_interaction?uri={uri}}),
     * which remote-follow forms send the person to; empty when the server advertises none.
     */
    public Optional<String> subscribeTemplate(String handle) throws IOException {
        return lookup(handle).link(JrdLinks.REL_SUBSCRIBE).map(JrdLink::template);
    }

    private Jrd lookup(String handle) throws IOException {
        WebFingerResource resource = WebFingerResource.parse(handle);
        if (!(resource instanceof WebFingerResource.Acct acct)) {
            throw new IllegalArgumentException("Not a handle: " + handle);
        }
        // Only test setups (allow-private) may use plain http; real servers are always https.
        String scheme = allowPlainHttp ? "http" : "https";
        URI uri = URI.create(scheme + "://" + acct.host() + "/.well-known/webfinger?resource=acct:"
                + acct.user() + "@" + acct.host());
        return Jrd.fromJson(client.fetchWebFinger(uri));
    }
}
