package org.weft.server.federation.inbound;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import org.weft.activitypub.vocab.Activity;
import org.weft.server.persistence.BlockedDomains;
import org.weft.server.queue.InboundHandler;

/**
 * Sends each inbound activity to the handler for its type. Activities of a type no handler takes (a {@code Dislike},
 * a {@code Bite}, whatever the fediverse invents next) are answered 202 like the rest and dropped; the first of each
 * type is logged, the others are not (each one's row still says why it changed nothing), so a busy peer cannot fill
 * the log with them.
 */
public final class ActivityRouter implements InboundHandler {
    private static final Logger LOG = Logger.getLogger(ActivityRouter.class.getName());
    /** Unknown types logged so far; bounded, so a flood of invented type names cannot grow it without end. */
    private static final int MAX_REPORTED_TYPES = 1_000;
    private final Map<String, ActivityHandler> handlers;
    private final Set<String> reportedTypes = ConcurrentHashMap.newKeySet();
    private final BlockedDomains blocked;

    public ActivityRouter(Map<String, ActivityHandler> handlers) {
        this(handlers, BlockedDomains.NONE);
    }

    /** {@code blocked}: an activity stored before its server was suspended is dropped when its turn comes. */
    public ActivityRouter(Map<String, ActivityHandler> handlers, BlockedDomains blocked) {
        this.handlers = Map.copyOf(handlers);
        this.blocked = blocked;
    }

    /** For the inbound worker: an {@link IgnoredActivity} is logged here and comes back as its reason. */
    @Override
    public Optional<String> handle(Activity activity) throws IOException {
        if (!handlers.containsKey(activity.type())) {
            String reason = "No handler for activity type " + activity.type();
            if (reportedTypes.size() < MAX_REPORTED_TYPES && reportedTypes.add(activity.type())) {
                LOG.info(() -> reason + " (" + activity.id() + " from " + activity.actor()
                        + "); further activities of this type are dropped without a log line");
            }
            return Optional.of(reason);
        }
        try {
            route(activity);
            return Optional.empty();
        } catch (IgnoredActivity e) {
            logIgnored(activity, e);
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    public void route(Activity activity) throws IOException, IgnoredActivity {
        if (blocked.isSuspendedUri(activity.actor())) {
            throw new IgnoredActivity("The actor's server is suspended here");
        }
        ActivityHandler handler = handlers.get(activity.type());
        if (handler == null) {
            throw new IgnoredActivity("No handler for activity type " + activity.type());
        }
        handler.handle(activity);
    }

    /**
     * At FINE, not INFO: servers send many activities that change nothing here (Mastodon tells every server it knows of
     * each account deleted on it), one line each filled an operator's log, and the inbound row keeps the reason anyway.
     */
    private static void logIgnored(Activity activity, IgnoredActivity why) {
        LOG.fine(() -> "Ignored " + activity.type() + " " + activity.id() + " from " + activity.actor() + ": "
                + why.getMessage());
    }
}
