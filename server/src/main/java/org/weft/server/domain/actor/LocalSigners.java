package org.weft.server.domain.actor;

import java.security.spec.InvalidKeySpecException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.weft.activitypub.signature.ActorSigner;
import org.weft.activitypub.signature.RsaKeys;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.LocalAccountEntity;

/**
 * Signers for local actors, built once per actor from the stored private key, in both signature schemes
 * (RFC 9421 and draft-cavage), so a request can be signed again in the other scheme when a server refuses
 * the first (double-knocking).
 */
public final class LocalSigners {
    private final Database db;
    private final Map<Long, ActorSigner> signers = new ConcurrentHashMap<>();

    public LocalSigners(Database db) {
        this.db = db;
    }

    public ActorSigner forActor(long actorId) {
        return signers.computeIfAbsent(actorId, this::load);
    }

    private ActorSigner load(long actorId) {
        return db.inTransaction(s -> {
            ActorEntity actor = s.find(ActorEntity.class, actorId);
            LocalAccountEntity account = s.find(LocalAccountEntity.class, actorId);
            if (actor == null || account == null) {
                throw new IllegalStateException("Actor " + actorId + " is not a local actor with a key");
            }
            try {
                return new ActorSigner(actor.getKeyId(), RsaKeys.privateKeyFromPem(account.getPrivateKeyPem()));
            } catch (InvalidKeySpecException e) {
                throw new IllegalStateException("Stored private key of " + actor.getUri() + " is unreadable", e);
            }
        });
    }
}
