/**
 * Processing of stored inbound activities, one handler per activity type. Handlers check the activity's shape and
 * who sent it, then hand it to the domain, which decides and writes (each change in one transaction); posts go to
 * {@code domain.post.IncomingPosts}.
 */
package org.weft.server.federation.inbound;
