/**
 * Durable work queues: inbound activities waiting to be processed and outbound deliveries waiting
 * to be sent. Both live in the database so nothing is lost on a crash or restart, and workers claim
 * rows with {@code SELECT ... FOR UPDATE SKIP LOCKED} so several server processes can share them.
 */
package org.weft.server.queue;
