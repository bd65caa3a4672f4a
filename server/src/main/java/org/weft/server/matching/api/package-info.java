/** The member API for matching: a member's matches, dismissing one, community links, the linked fediverse account. */
package org.weft.server.matching.api;
