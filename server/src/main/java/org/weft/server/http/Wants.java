package org.weft.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import org.weft.activitypub.vocab.MediaTypes;

/**
 * What a request wants back, decided in this one place for every answer that has more than one form: a page for a
 * person's browser, ActivityPub JSON for another server, or the member API's JSON.
 *
 * <ul>
 *   <li>{@link #API_JSON}: anything under {@value #API_PATH}, whatever its {@code Accept} says;</li>
 *   <li>{@link #ACTIVITY_JSON}: {@code application/activity+json} or {@code application/ld+json} is acceptable and
 *       not ranked below {@code text/html} ({@link MediaTypes#wantsActivityJson}; a browser's {@code *}{@code /*}
 *       does not count);</li>
 *   <li>{@link #HTML}: everything else, browsers and a bare {@code curl} alike.</li>
 * </ul>
 *
 * <p>The actor and proposal URLs are routed with {@link #pageOr}: the page handler or the endpoint gets the request,
 * never both. An error handler that answers in the form the request wants (a styled page for a browser, a JSON error
 * for a server or a script) asks {@link #of(ServerRequest)}.
 */
public enum Wants {
    /** A page, in the visitor's language. */
    HTML,
    /** An ActivityPub document (or a JSON error), for another server. */
    ACTIVITY_JSON,
    /** The member API's JSON (or its JSON error). */
    API_JSON;

    /** Where the member API lives; every version of it is under here. */
    public static final String API_PATH = "/api/";

    /** What this request wants back. */
    public static Wants of(ServerRequest req) {
        return of(req.path().path(), req.headers().first(HeaderNames.ACCEPT).orElse(null));
    }

    /**
     * What a request for {@code path} with this {@code Accept} header wants back.
     *
     * @param path   the request's path, without the query
     * @param accept the {@code Accept} header, or null when there was none
     */
    public static Wants of(String path, String accept) {
        if (path != null && path.startsWith(API_PATH)) {
            return API_JSON;
        }
        return MediaTypes.wantsActivityJson(accept) ? ACTIVITY_JSON : HTML;
    }

    /**
     * One URL, two audiences: ActivityPub clients get {@code activityJson}, everyone else {@code page}. Every answer
     * says {@code Vary: Accept}, errors included, so that no cache hands one audience the other's answer.
     */
    public static Handler pageOr(Handler page, Handler activityJson) {
        return (req, res) -> {
            res.header(HeaderNames.VARY, "Accept");
            if (of(req) == ACTIVITY_JSON) {
                activityJson.handle(req, res);
            } else {
                page.handle(req, res);
            }
        };
    }
}
