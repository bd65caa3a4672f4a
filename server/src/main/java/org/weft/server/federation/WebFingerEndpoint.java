package org.weft.server.federation;

import java.net.URI;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.vocab.Vocab;
import org.weft.activitypub.webfinger.HostMeta;
import org.weft.activitypub.webfinger.WebFingerResource;
import org.weft.server.http.HttpReplies;
import org.weft.server.model.LocalUrls;

/**
 * {@code /.well-known/webfinger} and {@code /.well-known/host-meta}: how Mastodon turns
 * {@code @block3@camp.example} into an actor URL.
 */
public final class WebFingerEndpoint implements HttpService {
    private final LocalActorDocuments documents;
    private final LocalUrls urls;

    public WebFingerEndpoint(LocalActorDocuments documents, LocalUrls urls) {
        this.documents = documents;
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
        Optional<LocalActorDocuments.Document> actor = switch (parsed) {
            case WebFingerResource.Acct acct -> acct.host().equalsIgnoreCase(urls.domain())
                    ? byAcctName(acct.user())
                    : Optional.empty();
            case WebFingerResource.Url url -> byUrl(url.uri());
        };
        if (actor.isEmpty()) {
            HttpReplies.error(res, Status.NOT_FOUND_404, "No such account here: " + resource.get());
            return;
        }
        if (actor.get().deleted()) {
            HttpReplies.error(res, Status.GONE_410, "This account has been deleted");
            return;
        }
        HttpReplies.json(res, Status.OK_200, Vocab.JRD_JSON, actor.get().jrd());
    }

    private Optional<LocalActorDocuments.Document> byAcctName(String user) {
        if (user.equalsIgnoreCase(urls.domain())) {
            // Mastodon names its instance actor after the domain: acct:host@host.
            return documents.instanceActor();
        }
        return documents.byUsername(user);
    }

    private Optional<LocalActorDocuments.Document> byUrl(URI uri) {
        if (!urls.isLocal(uri)) {
            return Optional.empty();
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.isEmpty() || path.equals("/")) {
            return documents.instanceActor(); // FEP-d556: the origin itself names the instance actor
        }
        return documents.byUri(uri.toString());
    }

    private void hostMeta(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        HttpReplies.text(res, Status.OK_200, Vocab.XRD_XML + "; charset=utf-8", HostMeta.xml(urls.base()));
    }
}
