/**
 * WebFinger (RFC 7033) and host-meta: parsing the {@code resource} parameter, writing and reading JRD documents,
 * and the XRD that points Pleroma and others at the WebFinger endpoint.
 */
package org.weft.activitypub.webfinger;
