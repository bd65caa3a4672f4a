package org.weft.server.federation;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.nodeinfo.NodeInfo;
import org.weft.activitypub.nodeinfo.NodeInfoLinks;
import org.weft.activitypub.nodeinfo.NodeInfoVersion;
import org.weft.server.domain.ActorRepository;
import org.weft.server.domain.LocalUrls;
import org.weft.server.persistence.ActorKind;
import org.weft.server.persistence.Database;

/**
 * NodeInfo 2.0 and 2.1 ({@code software.name} = weft) and the {@code /.well-known/nodeinfo} index,
 * which also names the instance actor (FEP-2677).
 */
public final class NodeInfoEndpoint implements HttpService {
    private final Database db;
    private final LocalUrls urls;
    private final String version;

    public NodeInfoEndpoint(Database db, LocalUrls urls, String version) {
        this.db = db;
        this.urls = urls;
        this.version = version;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/.well-known/nodeinfo", this::index)
                .get("/nodeinfo/2.0", (req, res) -> document(res, NodeInfoVersion.V2_0))
                .get("/nodeinfo/2.1", (req, res) -> document(res, NodeInfoVersion.V2_1));
    }

    private void index(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        HttpReplies.json(res, Status.OK_200, "application/json",
                NodeInfoLinks.forOrigin(urls.base(), urls.base() + LocalUrls.INSTANCE_ACTOR_PATH));
    }

    private void document(ServerResponse res, NodeInfoVersion nodeInfoVersion) {
        NodeInfo info = db.inTransaction(s -> {
            long members = ActorRepository.countLocal(s, ActorKind.PERSON);
            NodeInfo.Builder b = NodeInfo.weft(version)
                    .nodeName(urls.domain())
                    .openRegistrations(false)
                    .usage(new NodeInfo.Usage(members, members, members, 0))
                    .taxonomyVersion("1");
            ActorRepository.localGroups(s).forEach(g -> b.group(new NodeInfo.Group(g.getUri(), g.getUsername())));
            return b.build();
        });
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        HttpReplies.json(res, Status.OK_200, nodeInfoVersion.mediaType(), info.toJson(nodeInfoVersion));
    }
}
