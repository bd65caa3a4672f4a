package org.weft.server.federation.inbound;

import java.io.IOException;
import java.util.Map;
import java.util.logging.Logger;

import org.weft.activitypub.vocab.Activity;

/** Sends each inbound activity to the handler for its type; unknown types are logged and dropped. */
public final class ActivityRouter {
    private static final Logger LOG = Logger.getLogger(ActivityRouter.class.getName());
    private final Map<String, ActivityHandler> handlers;

    public ActivityRouter(Map<String, ActivityHandler> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public void route(Activity activity) throws IOException, IgnoredActivity {
        ActivityHandler handler = handlers.get(activity.type());
        if (handler == null) {
            throw new IgnoredActivity("No handler for activity type " + activity.type());
        }
        handler.handle(activity);
    }

    public static void logIgnored(Activity activity, IgnoredActivity why) {
        LOG.info(() -> "Ignored " + activity.type() + " " + activity.id() + " from " + activity.actor() + ": "
                + why.getMessage());
    }
}
