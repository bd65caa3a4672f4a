package org.weft.server.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.matching.Matching;
import org.weft.server.domain.notification.NotificationService;
import org.weft.server.domain.decision.DecisionService;
import org.weft.server.domain.poll.PollService;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.domain.proposal.BoardSearch;
import org.weft.server.domain.proposal.ProposalService;
import org.weft.server.domain.response.ConversationService;
import org.weft.server.domain.response.ResponseService;
import org.weft.server.domain.response.TakenBackAnswers;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.Database;
import org.weft.web.i18n.Messages;

/**
 * Every route of the member API, registered under {@link #PREFIX}, and the one place where errors
 * become statuses: the API's own refusals keep theirs, invalid input is 400, a missing thing 404,
 * someone else's thing 403, and anything unexpected a 500 that is logged and says nothing internal.
 * Each error carries its stable code and a message in the caller's language ({@link ApiLanguage#forMessages}).
 */
public final class ApiRoutes implements HttpService {
    public static final String PREFIX = "/api/v1";
    static final String INVALID_INPUT = "invalid_input";
    static final String SERVER_ERROR = "server_error";
    private static final Logger LOG = Logger.getLogger(ApiRoutes.class.getName());

    private final MeApi me;
    private final ProposalsApi proposals;
    private final ResponsesApi responses;
    private final NotificationsApi notifications;
    private final ConversationsApi conversations;
    private final AreasApi areas;
    private final ApiAuth auth;
    private final MatchesApi matches;
    private final PollsApi polls;
    private final DecisionsApi decisions;

    public ApiRoutes(Database db, ProposalService proposalService, ResponseService responseService,
                     ConversationService conversationService, AreaService areaService,
                     NotificationService notificationService, Taxonomy taxonomy, ApiTokens tokens, Matching matching,
                     LocalUrls urls, BoardSearch boardSearch, PollService pollService,
                     DecisionService decisionService, TakenBackAnswers takenBack) {
        ApiAuth auth = new ApiAuth(tokens, db);
        this.auth = auth;
        ProposalJson json = new ProposalJson(taxonomy, urls);
        this.me = new MeApi(db, auth, notificationService, urls);
        this.proposals = new ProposalsApi(db, proposalService, json, auth, taxonomy, urls, boardSearch);
        this.responses = new ResponsesApi(db, responseService, auth);
        this.notifications = new NotificationsApi(notificationService, auth);
        this.conversations = new ConversationsApi(conversationService, takenBack, auth);
        this.areas = new AreasApi(areaService);
        this.matches = new MatchesApi(db, auth, matching);
        this.polls = new PollsApi(pollService, auth, urls);
        this.decisions = new DecisionsApi(decisionService, auth);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/me", guard(me::show))
                .get("/me/proposals", guard(proposals::mine))
                .get("/me/notifications", guard(notifications::list))
                .post("/me/notifications/read", guard(notifications::markRead))
                .get("/proposals", guard(proposals::search))
                .post("/proposals", guard(proposals::create))
                .get("/proposals/{id}", guard(proposals::show))
                .patch("/proposals/{id}", guard(proposals::edit))
                .delete("/proposals/{id}", guard(proposals::delete))
                .post("/proposals/{id}/renew", guard(proposals::renew))
                .post("/proposals/{id}/status", guard(proposals::changeStatus))
                .get("/proposals/{id}/responses", guard(responses::list))
                .post("/responses/{id}/accept", guard(responses::accept))
                .post("/responses/{id}/decline", guard(responses::decline))
                .get("/responses/{id}/messages", guard(conversations::list))
                .post("/responses/{id}/messages", guard(conversations::post))
                .post("/responses/{id}/take-back", guard(conversations::takeBack))
                .get("/me/responses", guard(conversations::mine))
                .get("/areas", guard(areas::list))
                .get("/me/matches", guard(matches::list))
                .post("/matches/{id}/dismiss", guard(matches::dismiss))
                .put("/me/fediverse-account", guard(matches::linkAccount))
                .delete("/me/fediverse-account", guard(matches::unlinkAccount))
                .get("/groups/{name}/links", guard(matches::links))
                .post("/groups/{name}/links", guard(matches::link))
                .delete("/groups/{name}/links", guard(matches::unlink))
                .get("/groups/{name}/polls", guard(polls::list))
                .post("/groups/{name}/polls", guard(polls::open))
                .put("/groups/{name}/poll-setting", guard(polls::setting))
                .get("/polls/{id}", guard(polls::show))
                .post("/polls/{id}/votes", guard(polls::vote))
                .post("/polls/{id}/close", guard(polls::close))
                .get("/groups/{name}/decisions", guard(decisions::list))
                .post("/groups/{name}/decisions", guard(decisions::open))
                .put("/groups/{name}/decision-majority", guard(decisions::majority));
    }

    /** The numeric id in the path; anything else names nothing, so it is a 404 like an unknown id. */
    static long pathId(ServerRequest req, String what) {
        String text = req.path().pathParameters().get("id");
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the 404
        }
        throw new NotFoundException("No " + what + " " + text);
    }

    private Handler guard(Handler handler) {
        return (req, res) -> {
            try {
                handler.handle(req, res);
            } catch (ApiException e) {
                if (e.challenge() != null) {
                    res.header(HeaderNames.WWW_AUTHENTICATE, e.challenge());
                }
                ApiReplies.error(res, e.status(), e.code(), e.messageIn(messages(req)), e.field());
            } catch (DomainException e) {
                Status status = switch (e) {
                    case InvalidInputException invalid -> Status.BAD_REQUEST_400;
                    case NotFoundException missing -> Status.NOT_FOUND_404;
                    case ForbiddenException refused -> Status.FORBIDDEN_403;
                    case ConflictException conflict -> Status.CONFLICT_409;
                };
                ApiReplies.error(res, status, e.code(), e.messageIn(messages(req)), e.field().orElse(null));
            } catch (IllegalArgumentException e) {
                // Code not yet speaking in DomainExceptions: a 400 with the general sentence, never its developer text.
                LOG.log(Level.FINE, "API refusal without a code", e);
                ApiReplies.error(res, Status.BAD_REQUEST_400, INVALID_INPUT, messages(req).get("error." + INVALID_INPUT), null);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "API " + req.prologue().method().text() + " " + req.path().path() + " failed", e);
                ApiReplies.error(res, Status.INTERNAL_SERVER_ERROR_500, SERVER_ERROR, messages(req).get("error." + SERVER_ERROR),
                        null);
            }
        };
    }

    /** The language of an error's message: the caller's choice, else the member's, else English; never itself an error. */
    private Messages messages(ServerRequest req) {
        return Messages.forLanguage(ApiLanguage.forMessages(req, () -> auth.language(req)));
    }
}
