package org.weft.server.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.proposal.AreaPaths;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.persistence.AreaEntity;

/**
 * {@code GET /areas}: the places the operator set up, parents before children, so a client can offer
 * them as choices. Public: they are on every proposal anyway.
 */
final class AreasApi {
    private final AreaService areas;

    AreasApi(AreaService areas) {
        this.areas = areas;
    }

    void list(ServerRequest req, ServerResponse res) {
        SearchParameters.allowOnly(req, Set.of());
        List<AreaEntity> all = areas.all();
        Map<Long, AreaEntity> byId = new HashMap<>();
        all.forEach(a -> byId.put(a.getId(), a));
        Map<String, List<String>> paths = AreaPaths.of(all);
        ObjectNode body = ApiJson.object();
        ArrayNode items = body.putArray("items");
        for (AreaEntity area : all) {
            AreaEntity parent = area.getParentId() == null ? null : byId.get(area.getParentId());
            ObjectNode item = items.addObject().put("code", area.getCode()).put("name", area.getName())
                    .put("fullName", String.join(AreaPaths.DATA_SEPARATOR, paths.get(area.getCode()))).put("parent", parent == null ? null : parent.getCode());
            if (area.getLatitude() != null && area.getLongitude() != null) {
                item.putObject("centre").put("latitude", area.getLatitude()).put("longitude", area.getLongitude());
            } else {
                item.putNull("centre");
            }
        }
        ApiReplies.ok(res, body);
    }
}
