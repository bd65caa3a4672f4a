package org.weft.server.federation;

import java.util.Locale;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.vocab.MediaTypes;
import org.weft.server.http.HttpReplies;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.ui.ProfilePage;

/**
 * {@code GET /users/{name}}, {@code /groups/{name}} and {@code /actor}: the actor document for
 * ActivityPub clients, the profile page for browsers (same URL, chosen by {@code Accept}). The JSON comes from
 * {@link LocalActorDocuments}, without a database round trip.
 */
public final class ActorEndpoint {
    private final Database db;
    private final LocalActorDocuments documents;
    private final ProfilePage profilePage;

    public ActorEndpoint(Database db, LocalActorDocuments documents, ProfilePage profilePage) {
        this.db = db;
        this.documents = documents;
        this.profilePage = profilePage;
    }

    public void member(ServerRequest req, ServerResponse res) {
        serve(req, res, ActorKind.PERSON, req.path().pathParameters().get("name"));
    }

    public void group(ServerRequest req, ServerResponse res) {
        serve(req, res, ActorKind.GROUP, req.path().pathParameters().get("name"));
    }

    public void instance(ServerRequest req, ServerResponse res) {
        Optional<LocalActorDocuments.Document> actor = documents.instanceActor();
        if (actor.isEmpty()) {
            HttpReplies.error(res, Status.NOT_FOUND_404, "No instance actor yet");
            return;
        }
        // The instance actor is JSON for everyone: it has no profile page.
        HttpReplies.activityJson(res, actor.get().activityJson());
    }

    private void serve(ServerRequest req, ServerResponse res, ActorKind kind, String name) {
        String accept = req.headers().first(HeaderNames.ACCEPT).orElse("");
        if (!MediaTypes.wantsActivityJson(accept)) {
            page(req, res, kind, name);
            return;
        }
        Optional<LocalActorDocuments.Document> actor = documents.byUsername(name).filter(d -> d.kind() == kind);
        if (actor.isEmpty()) {
            notFound(res, kind, name);
            return;
        }
        if (actor.get().deleted()) {
            gone(res);
            return;
        }
        HttpReplies.activityJson(res, actor.get().activityJson());
    }

    /** Browsers: the profile page, read from the database each time (it shows more than the actor). */
    private void page(ServerRequest req, ServerResponse res, ActorKind kind, String name) {
        String username = name.toLowerCase(Locale.ROOT);
        Optional<ActorEntity> actor = db.inTransaction(s -> ActorRepository.local(s, kind, username));
        if (actor.isEmpty()) {
            notFound(res, kind, name);
            return;
        }
        if (actor.get().isDeleted()) {
            gone(res);
            return;
        }
        res.header(HeaderNames.VARY, "Accept");
        profilePage.render(req, res, actor.get());
    }

    private static void notFound(ServerResponse res, ActorKind kind, String name) {
        HttpReplies.error(res, Status.NOT_FOUND_404, "No such " + kind.wireType().toLowerCase(Locale.ROOT) + ": " + name);
    }

    private static void gone(ServerResponse res) {
        HttpReplies.error(res, Status.GONE_410, "This account has been deleted");
    }
}
