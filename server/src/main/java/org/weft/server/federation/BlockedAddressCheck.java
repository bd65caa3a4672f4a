package org.weft.server.federation;

import java.io.IOException;
import java.net.URI;

import org.weft.activitypub.client.AddressCheck;
import org.weft.activitypub.client.ForbiddenAddressException;
import org.weft.server.model.DomainNames;
import org.weft.server.persistence.BlockedDomains;

/**
 * The HTTP client's address check with suspended servers added: every outgoing request (a delivery, a key or actor
 * fetch, WebFinger, each redirect hop) to a suspended server is refused before anything is built or sent. A
 * delivery refused this way is given up at once (a refused address does not become allowed by waiting).
 */
public final class BlockedAddressCheck implements AddressCheck {
    private final AddressCheck inner;
    private final BlockedDomains blocked;

    public BlockedAddressCheck(AddressCheck inner, BlockedDomains blocked) {
        this.inner = inner;
        this.blocked = blocked;
    }

    @Override
    public void check(URI uri) throws IOException {
        String host = DomainNames.hostAndPort(uri);
        if (blocked.isSuspended(host)) {
            throw new ForbiddenAddressException("server suspended by this instance: " + host);
        }
        inner.check(uri);
    }
}
