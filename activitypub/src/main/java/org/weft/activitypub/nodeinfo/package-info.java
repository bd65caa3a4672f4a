/**
 * NodeInfo 2.0 and 2.1: the document crawlers and peers read to learn which software an instance runs, and the
 * {@code /.well-known/nodeinfo} index that points to it (with the FEP-2677 instance-actor link).
 */
package org.weft.activitypub.nodeinfo;
