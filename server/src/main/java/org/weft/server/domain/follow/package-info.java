/**
 * Follows in both directions, and where a follow is decided: a remote Follow is accepted at once for a community or
 * a member who does not approve followers; links between communities (a community following another, refused
 * outside the allow-list).
 */
package org.weft.server.domain.follow;
