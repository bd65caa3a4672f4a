package org.weft.activitypub.webfinger;

import java.util.Map;

import org.weft.activitypub.vocab.Vocab;

/** The JRD links Weft serves (interop.md §1), with their relation names. */
public final class JrdLinks {

    /** The link to the ActivityPub actor. */
    public static final String REL_SELF = "self";
    /** The link to the HTML profile. */
    public static final String REL_PROFILE_PAGE = "http://webfinger.net/rel/profile-page";
    /** The remote-follow template. */
    public static final String REL_SUBSCRIBE = "http://ostatus.org/schema/1.0/subscribe";
    /** FEP-d556: the server-level actor, answered for {@code resource=https://host/}. */
    public static final String REL_SERVICE = "https://www.w3.org/ns/activitystreams#Service";

    private JrdLinks() {
    }

    /**
     * The {@code self} link Mastodon resolves an account with.
     *
     * @param actorId the actor id
     * @return {@code {rel: self, type: application/activity+json, href}}
     */
    public static JrdLink self(String actorId) {
        return JrdLink.of(REL_SELF, Vocab.ACTIVITY_JSON, actorId);
    }

    /**
     * The profile page link.
     *
     * @param profileUrl the HTML profile URL
     * @return {@code {rel: …/profile-page, type: text/html, href}}
     */
    public static JrdLink profilePage(String profileUrl) {
        return JrdLink.of(REL_PROFILE_PAGE, "text/html", profileUrl);
    }

    /**
     * The OStatus subscribe template for remote follows.
     *
     * @param origin the instance origin, e.g. {@code https://camp.weft.test}
     * @return {@code {rel: …/subscribe, template: <origin>/authorize_interaction?uri={uri}}}
     */
    public static JrdLink subscribe(String origin) {
        return new JrdLink(REL_SUBSCRIBE, null, null, Origins.strip(origin) + "/authorize_interaction?uri={uri}",
                Map.of());
    }

    /**
     * The FEP-d556 instance-actor link; FEP-d556 also allows a {@code self} link next to it, which Mastodon uses.
     *
     * @param instanceActorId the instance actor id, e.g. {@code https://camp.weft.test/actor}
     * @return {@code {rel: …#Service, type: application/activity+json, href}}
     */
    public static JrdLink instanceActor(String instanceActorId) {
        return JrdLink.of(REL_SERVICE, Vocab.ACTIVITY_JSON, instanceActorId);
    }
}
