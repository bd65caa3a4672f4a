/**
 * Processing of stored inbound activities, one handler per activity type. Handlers check first and
 * write second, each change in one transaction.
 */
package org.weft.server.federation.inbound;
