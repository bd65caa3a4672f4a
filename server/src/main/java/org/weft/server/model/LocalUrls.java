package org.weft.server.model;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.weft.activitypub.vocab.WebOrigin;

/**
 * Every URL this instance hands out, built from the configured public origin. Ids and profile URLs
 * are the same URL: browsers get HTML there, ActivityPub clients get JSON.
 */
public record LocalUrls(URI origin) {
    public static final String INSTANCE_ACTOR_PATH = "/actor";

    public String base() {
        return origin.toString();
    }

    public String actor(ActorKind kind, String username) {
        return switch (kind) {
            case PERSON -> base() + "/users/" + username;
            case GROUP -> base() + "/groups/" + username;
            case APPLICATION -> base() + INSTANCE_ACTOR_PATH;
            default -> throw new IllegalArgumentException("Weft has no local actors of kind " + kind);
        };
    }

    public String inbox(String actorUri) {
        return actorUri + "/inbox";
    }

    public String outbox(String actorUri) {
        return actorUri + "/outbox";
    }

    public String followers(String actorUri) {
        return actorUri + "/followers";
    }

    public String following(String actorUri) {
        return actorUri + "/following";
    }

    public String featured(String actorUri) {
        return actorUri + "/featured";
    }

    /** The FEP-1b12 moderators collection of a group. */
    public String moderators(String groupUri) {
        return groupUri + "/moderators";
    }

    public String keyId(String actorUri) {
        return actorUri + "#main-key";
    }

    public String sharedInbox() {
        return base() + "/inbox";
    }

    public String activity(String uuid) {
        return base() + "/activities/" + uuid;
    }

    public String proposal(String uuid) {
        return base() + "/proposals/" + uuid;
    }

    /** A direct message's id. Never served: a direct message is for its one recipient, who already has it. */
    public String note(String uuid) {
        return base() + "/notes/" + uuid;
    }


    public String taxonomy() {
        return base() + "/taxonomy/v1";
    }

    public String domain() {
        return DomainNames.hostAndPort(origin);
    }

    /** Whether a URL belongs to this instance: the same {@link WebOrigin} (scheme, host and port). */
    public boolean isLocal(URI uri) {
        return uri != null && isLocal(uri.toString());
    }

    public boolean isLocal(String uri) {
        return WebOrigin.same(base(), uri);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
