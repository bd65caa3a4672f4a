/**
 * The protocol side of delivering activities; the durable queue, per-host limits and circuit breaker
 * live in the server.
 *
 * <p>{@link org.weft.activitypub.delivery.InboxPlanner} turns recipients into the inboxes to post to
 * (shared inboxes first), {@link org.weft.activitypub.delivery.InboxPoster} makes one signed delivery
 * (two POSTs when it double-knocks) and classifies what happened, and
 * {@link org.weft.activitypub.delivery.RetryPolicy} says when to try again.
 */
package org.weft.activitypub.delivery;
