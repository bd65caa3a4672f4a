package org.weft.server.domain.actor;

import java.security.spec.InvalidKeySpecException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.weft.activitypub.signature.HttpSigner;
import org.weft.activitypub.signature.RsaKeys;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.LocalAccountEntity;

/** Signers for local actors, built once per actor from the stored private key. */
public final class LocalSigners {
    private final Database db;
    private final Map<Long, HttpSigner> signers = new ConcurrentHashMap<>();

    public LocalSigners(Database db) {
        this.db = db;
    }

    public HttpSigner forActor(long actorId) {
        return signers.computeIfAbsent(actorId, this::load);
    }

    private HttpSigner load(long actorId) {
        return db.inTransaction(s -> {
            ActorEntity actor = s.find(ActorEntity.class, actorId);
            LocalAccountEntity account = s.find(LocalAccountEntity.class, actorId);
            if (actor == null || account == null) {
                throw new IllegalStateException("Actor " + actorId + " is not a local actor with a key");
            }
            try {
                return new HttpSigner(actor.getKeyId(), RsaKeys.privateKeyFromPem(account.getPrivateKeyPem()));
            } catch (InvalidKeySpecException e) {
                throw new IllegalStateException("Stored private key of " + actor.getUri() + " is unreadable", e);
            }
        });
    }
}
