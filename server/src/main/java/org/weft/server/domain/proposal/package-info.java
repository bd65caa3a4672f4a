/** Offers and requests: what they are, how they change, and how they go out and come in over the wire. */
package org.weft.server.domain.proposal;
