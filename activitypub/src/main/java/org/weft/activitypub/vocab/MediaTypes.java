package org.weft.activitypub.vocab;

import java.util.Locale;

/** Content negotiation for ActivityPub: which {@code Accept} and {@code Content-Type} values mean JSON-LD. */
public final class MediaTypes {

    private MediaTypes() {
    }

    /**
     * Whether a request with this {@code Accept} header should get the ActivityPub JSON rather than the HTML page.
     *
     * <p>True when {@code application/activity+json} or {@code application/ld+json} (with or without a profile) is
     * acceptable and not ranked below {@code text/html}. Wildcards do not count: a browser's {@code *}{@code /*}
     * gets HTML.
     *
     * @param acceptHeader the header value, possibly null
     * @return true to serve JSON
     */
    public static boolean wantsActivityJson(String acceptHeader) {
        if (acceptHeader == null || acceptHeader.isBlank()) {
            return false;
        }
        double activity = 0;
        double html = 0;
        for (String range : acceptHeader.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (isActivityType(type)) {
                activity = Math.max(activity, q);
            } else if ("text/html".equals(type) || "application/xhtml+xml".equals(type)) {
                html = Math.max(html, q);
            }
        }
        return activity > 0 && activity >= html;
    }

    /**
     * Whether a {@code Content-Type} names an ActivityPub document, for bodies POSTed to an inbox or fetched.
     *
     * @param contentType the header value, possibly null; parameters such as {@code charset} are ignored
     * @return true for {@code application/activity+json} and {@code application/ld+json}
     */
    public static boolean isActivityJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        return isActivityType(contentType.split(";")[0].trim().toLowerCase(Locale.ROOT));
    }

    private static boolean isActivityType(String type) {
        return "application/activity+json".equals(type) || "application/ld+json".equals(type);
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            if (param.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Double.parseDouble(param.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
