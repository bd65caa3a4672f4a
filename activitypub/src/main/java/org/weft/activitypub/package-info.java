/** The ActivityPub protocol library: wire types, codec, signatures, discovery, fetching, delivery. */
package org.weft.activitypub;
