package org.weft.server.ui;

import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.http.HttpReplies;
import org.weft.server.http.Wants;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;

/**
 * What a request gets when nothing answered it or something failed: a browser a styled page in its language with
 * a way back (404 for an address nothing serves, 403, 400 for a refused input, 500 for a fault), another server or
 * an API client a small JSON body ({@code {"error": "not_found", "message": "…"}}): {@link Wants} decides, as it does
 * for every URL with two audiences. Registered last in the routing, and as the
 * routing's error handler, so no request ends in the web server's own plain-text English.
 */
public final class ErrorPages {
    private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

    private final Pages pages;

    public ErrorPages(Pages pages) {
        this.pages = pages;
    }

    /** A page for whoever would get pages at this address (browsers, and clients that ask for nothing in particular). */
    private static boolean wantsPage(ServerRequest req) {
        return Wants.of(req) == Wants.HTML;
    }

    /** Any request no route answered. */
    public void notFound(ServerRequest req, ServerResponse res) {
        if (wantsPage(req)) {
            pages.notFound(res, visitor(req, res));
        } else {
            json(res, Status.NOT_FOUND_404, "not_found");
        }
    }

    /** A domain refusal no handler caught: the status it stands for, said in the visitor's language. */
    public void refused(ServerRequest req, ServerResponse res, DomainException e) {
        Status status = switch (e) {
            case InvalidInputException invalid -> Status.BAD_REQUEST_400;
            case NotFoundException missing -> Status.NOT_FOUND_404;
            case ForbiddenException forbidden -> Status.FORBIDDEN_403;
            case ConflictException conflict -> Status.CONFLICT_409;
        };
        forgetWhatWasBeingSent(res);
        if (!wantsPage(req)) {
            json(res, status, e.code());
            return;
        }
        Visitor v = visitor(req, res);
        switch (e) {
            case NotFoundException missing -> pages.notFound(res, v);
            case ForbiddenException forbidden -> pages.forbidden(res, v);
            case InvalidInputException invalid -> pages.refused(res, v, e, null);
            case ConflictException conflict -> pages.refused(res, Status.CONFLICT_409, v, e, null);
        }
    }

    /** A fault: logged with its cause; the visitor reads that it is not their fault, and nothing internal. */
    public void fault(ServerRequest req, ServerResponse res, Throwable e) {
        LOG.log(Level.WARNING, req.prologue().method().text() + " " + req.path().path() + " failed", e);
        if (res.isSent()) {
            return;
        }
        forgetWhatWasBeingSent(res);
        if (wantsPage(req)) {
            try {
                pages.message(res, Status.INTERNAL_SERVER_ERROR_500, visitor(req, res), "error.serverTitle", "error.server");
                return;
            } catch (RuntimeException pageFailed) {
                // The page itself fails (the fault may be in rendering): the short answer below still goes out.
                LOG.log(Level.WARNING, "The error page failed too", pageFailed);
            }
        }
        json(res, Status.INTERNAL_SERVER_ERROR_500, "server_error");
    }

    /**
     * Drops the headers a handler set for the answer it meant to send (a feed's file name, its {@code ETag} and
     * {@code Last-Modified}): kept on an error page they would name it as the feed, and a reader would cache the error
     * under the feed's tag.
     */
    private static void forgetWhatWasBeingSent(ServerResponse res) {
        res.headers().remove(HeaderNames.CONTENT_DISPOSITION);
        res.headers().remove(HeaderNames.ETAG);
        res.headers().remove(HeaderNames.LAST_MODIFIED);
    }

    /** The visitor, or when even that fails (the database is down) a stranger in the browser's language. */
    private Visitor visitor(ServerRequest req, ServerResponse res) {
        try {
            return pages.visitor(req, res);
        } catch (RuntimeException e) {
            return pages.visitors().stranger(req);
        }
    }

    private static void json(ServerResponse res, Status status, String code) {
        HttpReplies.error(res, status, code, Messages.forLanguage("en").get("error." + code));
    }
}
