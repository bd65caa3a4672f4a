package org.weft.server.ui;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.client.FetchException;
import org.weft.activitypub.jsonld.MalformedActivityException;
import org.weft.activitypub.webfinger.WebFingerResource;
import org.weft.server.domain.actor.WebFingerLookup;
import org.weft.server.model.ActorKind;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;

/**
 * {@code GET /authorize_follow?acct=VISITOR&target=ACTOR}: the remote-follow form of a profile page. It asks the
 * visitor's own server (WebFinger, through the SSRF-guarded client) for its OStatus subscribe template and sends
 * the visitor there with the actor's id, so that they confirm the follow while logged in at home.
 */
public final class RemoteFollowPage {
    private static final Logger LOG = Logger.getLogger(RemoteFollowPage.class.getName());
    private static final int MAX_PARAMETER_LENGTH = 512;

    private final Database db;
    private final LocalUrls urls;
    private final WebFingerLookup webFinger;
    private final Pages pages;

    public RemoteFollowPage(Database db, LocalUrls urls, WebFingerLookup webFinger, Pages pages) {
        this.db = db;
        this.urls = urls;
        this.webFinger = webFinger;
        this.pages = pages;
    }

    public void authorize(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Messages m = v.messages();
        Optional<String> handle = visitorHandle(req.query().first("acct").orElse(""));
        if (handle.isEmpty()) {
            problem(res, v, Status.BAD_REQUEST_400, m.get("remoteFollow.notHandleTitle"), m.get("remoteFollow.notHandle"));
            return;
        }
        String target = req.query().first("target").orElse("").strip();
        Optional<ActorEntity> actor = target.isEmpty() || target.length() > MAX_PARAMETER_LENGTH
                ? Optional.empty() : db.inTransaction(s -> ActorRepository.byUri(s, target))
                        .filter(a -> a.isLocal() && !a.isDeleted() && a.getKind() != ActorKind.APPLICATION);
        if (actor.isEmpty()) {
            problem(res, v, Status.NOT_FOUND_404, m.get("remoteFollow.nothingTitle"),
                    m.get("remoteFollow.nothing", Messages.isolate(urls.domain())));
            return;
        }
        Optional<URI> destination;
        try {
            destination = webFinger.subscribeTemplate(handle.get()).flatMap(t -> fill(t, actor.get().getUri()));
        } catch (FetchException e) {
            if (e.reason() == FetchException.Reason.FORBIDDEN_ADDRESS || e.reason() == FetchException.Reason.INVALID_URI) {
                problem(res, v, Status.BAD_REQUEST_400, m.get("remoteFollow.refusedTitle"), m.get("remoteFollow.refused"));
                return;
            }
            LOG.log(Level.FINE, "Remote follow: WebFinger for " + handle.get() + " failed", e);
            destination = Optional.empty();
        } catch (IOException | MalformedActivityException e) {
            LOG.log(Level.FINE, "Remote follow: WebFinger for " + handle.get() + " failed", e);
            destination = Optional.empty();
        }
        if (destination.isEmpty()) {
            problem(res, v, Status.BAD_GATEWAY_502, m.get("remoteFollow.noTemplateTitle"),
                    m.get("remoteFollow.noTemplate", Messages.isolate("@" + actor.get().getUsername() + "@" + urls.domain())));
            return;
        }
        res.status(Status.FOUND_302);
        res.header(HeaderNames.LOCATION, destination.get().toString());
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send();
    }

    /** The visitor's handle as {@code user@host}, if what they typed is one (with or without the leading @). */
    static Optional<String> visitorHandle(String typed) {
        String value = typed.strip();
        if (value.isEmpty() || value.length() > MAX_PARAMETER_LENGTH) {
            return Optional.empty();
        }
        try {
            // Only account forms: a URL would make Weft fetch whatever the visitor names.
            return WebFingerResource.parse(value) instanceof WebFingerResource.Acct acct
                    ? Optional.of(acct.address()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The template with the actor id put in; only an absolute http(s) URL, since the template comes from a server
     * Weft does not trust and the browser follows the redirect (no {@code javascript:} or relative targets).
     */
    static Optional<URI> fill(String template, String actorId) {
        if (template == null || !template.contains("{uri}")) {
            return Optional.empty();
        }
        String url = template.replace("{uri}", URLEncoder.encode(actorId, StandardCharsets.UTF_8));
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("https") || scheme.equals("http");
            return web && uri.getHost() != null && uri.getRawUserInfo() == null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A page saying why the follow cannot go on, in the visitor's language, with the way back to the profile. */
    private void problem(ServerResponse res, Visitor v, Status status, String title, String message) {
        pages.message(res, status, v, title, message, null, null);
    }
}
