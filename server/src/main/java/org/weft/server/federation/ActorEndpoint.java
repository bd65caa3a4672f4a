package org.weft.server.federation;

import java.util.Locale;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.http.HttpReplies;
import org.weft.server.model.ActorKind;

/**
 * {@code GET /users/{name}}, {@code /groups/{name}} and {@code /actor}: the actor documents, for ActivityPub clients.
 * Browsers asking for the first two get the profile page instead: the routing decides ({@code http.Wants}), this
 * endpoint only answers JSON. The JSON comes from {@link LocalActorDocuments}, without a database round trip.
 */
public final class ActorEndpoint {
    private final LocalActorDocuments documents;

    public ActorEndpoint(LocalActorDocuments documents) {
        this.documents = documents;
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

    private static void notFound(ServerResponse res, ActorKind kind, String name) {
        HttpReplies.error(res, Status.NOT_FOUND_404, "No such " + kind.wireType().toLowerCase(Locale.ROOT) + ": " + name);
    }

    private static void gone(ServerResponse res) {
        HttpReplies.error(res, Status.GONE_410, "This account has been deleted");
    }
}
