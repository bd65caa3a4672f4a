package org.weft.bench.db;

/**
 * A remote actor to put straight into the {@code actor} table, as the server would after fetching it.
 *
 * @param uri the actor id, e.g. {@code http://127.0.0.1:40001/users/f7}
 * @param sharedInbox the instance's shared inbox, or null
 * @param publicKeyPem the key that verifies its signatures
 */
public record RemoteActor(String uri, String username, String domain, String sharedInbox, String publicKeyPem) {

    public String inbox() {
        return uri + "/inbox";
    }

    public String keyId() {
        return uri + "#main-key";
    }
}
