package org.weft.activitypub.client;

import java.util.Locale;

/** Which Content-Types count as ActivityPub documents. */
final class MediaTypes {

    static final String ACTIVITY_JSON = "application/activity+json";
    static final String LD_JSON = "application/ld+json";
    static final String ACTIVITY_STREAMS = "https://www.w3.org/ns/activitystreams";
    /** The Accept header Mastodon sends, which every server understands. */
    static final String ACCEPT = ACTIVITY_JSON + ", " + LD_JSON + "; profile=\"" + ACTIVITY_STREAMS + "\"";

    /** What Mastodon asks for when it looks an account up by WebFinger. */
    static final String JRD_ACCEPT = "application/jrd+json, application/json";

    private MediaTypes() {
    }

    /**
     * Mastodon's rule ({@code valid_activitypub_content_type?}, since 4.2.5): activity+json, or ld+json
     * whose profile names ActivityStreams. Anything else (notably application/json) may be a file a user
     * uploaded to that host and must not be taken for an actor or object.
     */
    static boolean isActivityPub(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals(ACTIVITY_JSON)) {
            return true;
        }
        if (!type.equals(LD_JSON)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.toLowerCase(Locale.ROOT).startsWith("profile=")) {
                String profiles = parameter.substring("profile=".length()).replace("\"", "");
                for (String profile : profiles.trim().split("\\s+")) {
                    if (profile.equals(ACTIVITY_STREAMS)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** WebFinger answers: {@code application/jrd+json}, or plain {@code application/json} as some servers send. */
    static boolean isJrd(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/jrd+json") || type.equals("application/json");
    }
}
