package org.weft.bench.targets;

import java.security.KeyPair;

import org.weft.activitypub.signature.HttpSigner;
import org.weft.activitypub.signature.RsaKeys;
import org.weft.bench.db.RemoteActor;

/** A remote actor that sends to the inbox: its key pair, and its row as the server knows it. */
public record Sender(RemoteActor actor, HttpSigner signer) {

    public static Sender create(String origin, String username) {
        KeyPair keys = RsaKeys.generate();
        String uri = origin + "/users/" + username;
        String domain = origin.substring(origin.indexOf("//") + 2);
        RemoteActor actor = new RemoteActor(uri, username, domain, origin + "/inbox", RsaKeys.toPem(keys.getPublic()));
        return new Sender(actor, new HttpSigner(actor.keyId(), keys.getPrivate()));
    }
}
