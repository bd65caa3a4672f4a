package org.weft.server.opendata;

import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.domain.proposal.OpenProposals;
import org.weft.server.domain.proposal.OpenProposals.Community;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.http.ConditionalGet;
import org.weft.server.persistence.ChangeFeedEntries;
import org.weft.web.i18n.Messages;

/**
 * A request for a community's open data or feed, read: the community named in the path, what was asked of it, and
 * whether a member asks (a valid API token: community-only proposals too).
 */
record Asked(Community community, DataRequest request, boolean member) {

    /**
     * Reads the request; on a parameter that names nothing (400) or a community that does not exist here (404), sends
     * the error, in the asker's language, and gives nothing.
     */
    static Optional<Asked> read(ServerRequest req, ServerResponse res, OpenProposals proposals, Taxonomy taxonomy,
                                AreaService areas, BearerReader bearer) {
        DataRequest asked;
        try {
            asked = DataRequest.read(req, taxonomy, areas);
        } catch (DataRequest.Refused e) {
            Messages m = Messages.forLanguage(safeLanguage(req));
            OpenDataEndpoint.refuse(res, Status.BAD_REQUEST_400, e.code(), e.message(m));
            return Optional.empty();
        }
        Optional<Community> community = proposals.community(req.path().pathParameters().get("name"));
        if (community.isEmpty()) {
            OpenDataEndpoint.refuse(res, Status.NOT_FOUND_404, "not_found", asked.messages().get("error.not_found"));
            return Optional.empty();
        }
        BearerReader.Reader reader = bearer.read(req);
        if (reader.refusal() != null) {
            res.header(HeaderNames.WWW_AUTHENTICATE, BearerReader.CHALLENGE);
            OpenDataEndpoint.refuse(res, Status.UNAUTHORIZED_401, reader.refusal(),
                    asked.messages().get("error." + reader.refusal()));
            return Optional.empty();
        }
        return Optional.of(new Asked(community.get(), asked, reader.member()));
    }

    /**
     * The validators of the answer to this request: the instance's last change to any proposal, and this variant of the
     * answer (the file or feed, its query as written, the language it is in, whether a member reads, the community's
     * name as its title shows it). Read before the answer is built, so a change made while it is written leaves the
     * tag behind and the next poll reads the whole answer again.
     */
    ConditionalGet.Validators validators(ServerRequest req, OpenProposals proposals) {
        Optional<ChangeFeedEntries.Latest> last = proposals.lastChange();
        return ConditionalGet.of(last.map(ChangeFeedEntries.Latest::id).orElse(0L),
                last.map(ChangeFeedEntries.Latest::at).orElse(null), req.path().path(), req.query().rawValue(),
                request.messages().language(), String.valueOf(member), community.displayName());
    }

    private static String safeLanguage(ServerRequest req) {
        try {
            return DataRequest.language(req);
        } catch (DataRequest.Refused e) {
            return "en";
        }
    }
}
