package org.weft.activitypub.client;

import java.io.IOException;
import java.net.URI;

/**
 * Decides whether the client may connect to a URL. {@link AddressGuard} is the implementation to use;
 * the interface exists so tests and special deployments can wrap it.
 */
@FunctionalInterface
public interface AddressCheck {

    /**
     * @param uri the URL about to be requested
     * @throws ForbiddenAddressException if it must not be requested
     * @throws IOException if its host cannot be resolved
     */
    void check(URI uri) throws IOException;
}
