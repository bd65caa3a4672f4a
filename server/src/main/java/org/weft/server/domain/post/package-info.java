/**
 * Posts from other servers, and what each one becomes: a proposal kept from an actor or community followed here, a
 * response to a proposal here, a direct message kept for a member, or an offer or request on a community's board
 * (announced by the community). The federation adapter's handlers hand posts here; this area decides.
 */
package org.weft.server.domain.post;
