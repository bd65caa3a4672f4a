package org.weft.server.api;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.response.ResponseService;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;

/**
 * {@code GET /proposals/{id}/responses}, {@code POST /responses/{id}/accept} and {@code …/decline}:
 * for the proposal's author only. Accepting promises the proposal; the hand-off text goes to the
 * responder alone, in a direct message.
 */
final class ResponsesApi {
    private final Database db;
    private final ResponseService service;
    private final ApiAuth auth;

    ResponsesApi(Database db, ResponseService service, ApiAuth auth) {
        this.db = db;
        this.service = service;
        this.auth = auth;
    }

    void list(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        long proposalId = ApiRoutes.pathId(req, "proposal");
        List<ResponseEntity> responses = service.forProposal(member.username(), proposalId);
        ObjectNode body = ApiJson.object();
        var items = body.putArray("items");
        responses.forEach(r -> items.add(ResponseJson.toJson(r, proposalId)));
        body.put("total", responses.size());
        ApiReplies.ok(res, body);
    }

    void accept(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        long id = ApiRoutes.pathId(req, "response");
        String handOff = JsonBody.readOptional(req, Set.of("handOff")).text("handOff");
        service.accept(member.username(), id, handOff);
        ApiReplies.ok(res, decided(id));
    }

    void decline(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        long id = ApiRoutes.pathId(req, "response");
        JsonBody.readOptional(req, Set.of());
        service.decline(member.username(), id);
        ApiReplies.ok(res, decided(id));
    }

    /** The response after the decision, with the proposal's status (accepting makes it promised). */
    private ObjectNode decided(long responseId) {
        return db.inTransaction(s -> {
            ResponseEntity r = ResponseRepository.withResponderAndProposal(s, responseId);
            ObjectNode json = ResponseJson.toJson(r, r.getProposal().getId());
            json.put("proposalStatus", r.getProposal().getStatus().wire());
            return json;
        });
    }
}
