/**
 * Cross-instance matching: an in-memory index of open proposals (local and received from linked
 * communities), the rules that score a request against an offer, the stored matches and how members
 * are told about them, and the links between communities that feed the index.
 */
package org.weft.server.domain.matching;
