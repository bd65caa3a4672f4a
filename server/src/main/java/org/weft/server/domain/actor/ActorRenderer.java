package org.weft.server.domain.actor;

import java.util.List;

import org.weft.activitypub.vocab.Actor;
import org.weft.activitypub.vocab.ActorType;
import org.weft.activitypub.vocab.PublicKeyInfo;
import org.weft.activitypub.webfinger.Jrd;
import org.weft.activitypub.webfinger.JrdLinks;
import org.weft.server.federation.LocalActorDocuments;
import org.weft.server.model.ActorKind;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;

/**
 * Turns a local actor into its ActivityPub document (toWire) and its WebFinger JRD. Both read the actor's row and
 * nothing else: {@link LocalActorDocuments} keeps them until that row changes.
 */
public final class ActorRenderer {
    private final LocalUrls urls;

    public ActorRenderer(LocalUrls urls) {
        this.urls = urls;
    }

    public Actor toWire(ActorEntity actor) {
        String id = actor.getUri();
        boolean instance = actor.getKind() == ActorKind.APPLICATION;
        Actor.Builder b = Actor.builder(id, ActorType.fromWire(actor.getKind().wireType()).orElseThrow())
                .preferredUsername(actor.getUsername())
                .url(instance ? urls.base() + "/" : id)
                .inbox(actor.getInbox())
                .outbox(urls.outbox(id))
                .sharedInbox(actor.getSharedInbox())
                .publicKey(new PublicKeyInfo(actor.getKeyId(), id, actor.getPublicKeyPem()))
                .manuallyApprovesFollowers(actor.isManuallyApproves());
        if (instance) {
            // Mastodon's instance actor shows only what signing needs; no profile, no collections to crawl.
            return b.build();
        }
        b.name(actor.getDisplayName())
                .summary(actor.getSummary() == null ? "" : actor.getSummary())
                .followers(urls.followers(id))
                .following(urls.following(id))
                .featured(urls.featured(id))
                .discoverable(actor.isDiscoverable())
                .indexable(actor.isDiscoverable() && actor.getKind() == ActorKind.GROUP)
                .published(actor.getCreatedAt())
                .webfinger(actor.getUsername() + "@" + urls.domain());
        if (actor.getKind() == ActorKind.GROUP) {
            // FEP-1b12: a group names its moderators through attributedTo, a collection Lemmy and others read.
            b.attributedTo(urls.moderators(id));
        }
        return b.build();
    }

    /** What {@code /.well-known/webfinger} answers for the actor. */
    public Jrd toJrd(ActorEntity actor) {
        String acct = "acct:" + actor.getUsername() + "@" + urls.domain();
        if (actor.getKind() == ActorKind.APPLICATION) {
            return new Jrd(acct, List.of(actor.getUri()),
                    List.of(JrdLinks.self(actor.getUri()), JrdLinks.instanceActor(actor.getUri())));
        }
        // No OStatus "subscribe" template: it would send people here to follow or answer remote posts, and Weft
        // has no timeline or page for that (communities link through the operator).
        return new Jrd(acct, List.of(actor.getUri()), List.of(
                JrdLinks.self(actor.getUri()),
                JrdLinks.profilePage(actor.getUri())));
    }
}
