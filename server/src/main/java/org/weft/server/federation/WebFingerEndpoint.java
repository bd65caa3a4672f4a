package org.weft.server.federation;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.vocab.Vocab;
import org.weft.activitypub.webfinger.HostMeta;
import org.weft.activitypub.webfinger.Jrd;
import org.weft.activitypub.webfinger.JrdLinks;
import org.weft.activitypub.webfinger.WebFingerResource;
import org.weft.server.domain.ActorRepository;
import org.weft.server.domain.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorKind;
import org.weft.server.persistence.Database;

/**
 * {@code /.well-known/webfinger} and {@code /.well-known/host-meta}: how Mastodon turns
 * {@code @block3@camp.example} into an actor URL.
 */
public final class WebFingerEndpoint implements HttpService {
    private final Database db;
    private final LocalUrls urls;

    public WebFingerEndpoint(Database db, LocalUrls urls) {
        this.db = db;
        this.urls = urls;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/webfinger", this::webfinger)
                .get("/host-meta", this::hostMeta);
    }

    private void webfinger(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        Optional<String> resource = req.query().first("resource").asOptional();
        if (resource.isEmpty() || resource.get().isBlank()) {
            HttpReplies.error(res, Status.BAD_REQUEST_400, "The resource parameter is required");
            return;
        }
        WebFingerResource parsed;
        try {
            parsed = WebFingerResource.parse(resource.get());
        } catch (IllegalArgumentException e) {
            HttpReplies.error(res, Status.BAD_REQUEST_400, e.getMessage());
            return;
        }
        Optional<ActorEntity> actor = db.inTransaction(s -> switch (parsed) {
            case WebFingerResource.Acct acct -> acct.host().equalsIgnoreCase(urls.domain())
                    ? byAcctName(s, acct.user())
                    : Optional.<ActorEntity>empty();
            case WebFingerResource.Url url -> byUrl(s, url.uri());
        });
        if (actor.isEmpty()) {
            HttpReplies.error(res, Status.NOT_FOUND_404, "No such account here: " + resource.get());
            return;
        }
        if (actor.get().isDeleted()) {
            HttpReplies.error(res, Status.GONE_410, "This account has been deleted");
            return;
        }
        HttpReplies.json(res, Status.OK_200, Vocab.JRD_JSON, jrd(actor.get()).toJson());
    }

    private Optional<ActorEntity> byAcctName(org.hibernate.Session s, String user) {
        if (user.equalsIgnoreCase(urls.domain())) {
            // Mastodon names its instance actor after the domain: acct:host@host.
            return ActorRepository.instanceActor(s);
        }
        return ActorRepository.localByUsername(s, user.toLowerCase(java.util.Locale.ROOT));
    }

    private Optional<ActorEntity> byUrl(org.hibernate.Session s, URI uri) {
        if (!urls.isLocal(uri)) {
            return Optional.empty();
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.isEmpty() || path.equals("/")) {
            return ActorRepository.instanceActor(s); // FEP-d556: the origin itself names the instance actor
        }
        return ActorRepository.byUri(s, uri.toString()).filter(ActorEntity::isLocal);
    }

    private Jrd jrd(ActorEntity actor) {
        String acct = "acct:" + actor.getUsername() + "@" + urls.domain();
        if (actor.getKind() == ActorKind.APPLICATION) {
            return new Jrd(acct, List.of(actor.getUri()),
                    List.of(JrdLinks.self(actor.getUri()), JrdLinks.instanceActor(actor.getUri())));
        }
        return new Jrd(acct, List.of(actor.getUri()), List.of(
                JrdLinks.self(actor.getUri()),
                JrdLinks.profilePage(actor.getUri()),
                JrdLinks.subscribe(urls.base())));
    }

    private void hostMeta(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        HttpReplies.text(res, Status.OK_200, Vocab.XRD_XML + "; charset=utf-8", HostMeta.xml(urls.base()));
    }
}
