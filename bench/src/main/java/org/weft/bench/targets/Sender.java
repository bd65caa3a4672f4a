package org.weft.bench.targets;

import java.security.KeyPair;

import org.weft.activitypub.signature.HttpSigner;
import org.weft.activitypub.signature.Rfc9421Signer;
import org.weft.activitypub.signature.RsaKeys;
import org.weft.bench.db.RemoteActor;

/**
 * A remote actor that sends to the inbox: its row as the server knows it, and its key's signers in both schemes
 * (draft-cavage, as Mastodon before 4.5 and most servers sign; RFC 9421, as Mastodon 4.5 and Fedify do).
 */
public record Sender(RemoteActor actor, HttpSigner signer, Rfc9421Signer rfc9421) {

    public static Sender create(String origin, String username) {
        KeyPair keys = RsaKeys.generate();
        String uri = origin + "/users/" + username;
        String domain = origin.substring(origin.indexOf("//") + 2);
        RemoteActor actor = new RemoteActor(uri, username, domain, origin + "/inbox", RsaKeys.toPem(keys.getPublic()));
        return new Sender(actor, new HttpSigner(actor.keyId(), keys.getPrivate()),
                new Rfc9421Signer(actor.keyId(), keys.getPrivate()));
    }
}
