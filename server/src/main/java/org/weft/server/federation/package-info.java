/**
 * ActivityPub over HTTP: discovery (WebFinger, host-meta, NodeInfo), actor documents, collections
 * and inboxes. Endpoints translate between HTTP and the domain; they hold no business rules.
 */
package org.weft.server.federation;
