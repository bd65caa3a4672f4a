package org.weft.server.ui;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.moderation.ModerationLog;
import org.weft.server.model.ActorKind;
import org.weft.server.model.DecisionMajority;
import org.weft.server.model.ModerationActionKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ModerationActionEntity;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.ModerationLogView;

/**
 * {@code /moderation-log/{name}}: a community's public moderation log, for anyone, as a page in the reader's language
 * or, with {@code ?format=json} or {@code Accept: application/json}, as JSON. Each line: when, what was done, to what,
 * the public reason, and who did it only when the operator chose to show moderators' names
 * ({@code WEFT_MODERATION_LOG_NAMES}). Reports are not in the log, so neither are reporters; a hidden anonymous request
 * is named by its own address, never by its author's.
 */
public final class ModerationLogPage {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<ModerationActionKind> BY_VOTE = EnumSet.of(ModerationActionKind.DECISION_ADOPTED,
            ModerationActionKind.DECISION_REJECTED, ModerationActionKind.DECISION_VOID);

    private final Pages pages;
    private final Database db;
    private final ModerationLog log;
    private final boolean showNames;

    public ModerationLogPage(Pages pages, Database db, ModerationLog log, boolean showNames) {
        this.pages = pages;
        this.db = db;
        this.log = log;
        this.showNames = showNames;
    }

    public void render(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        String name = req.path().pathParameters().get("name").toLowerCase(Locale.ROOT);
        Optional<ActorEntity> group = USERNAME.matcher(name).matches() ? db.inTransaction(s -> ActorRepository.local(s,
                ActorKind.GROUP, name).filter(g -> !g.isDeleted())) : Optional.empty();
        if (group.isEmpty()) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
            return;
        }
        List<ModerationActionEntity> actions = log.forCommunity(group.get().getId());
        if (wantsJson(req)) {
            json(res, group.get(), actions);
            return;
        }
        Messages m = v.messages();
        List<ModerationLogView.Row> rows = actions.stream().map(a -> row(a, m)).toList();
        String heading = m.get("moderationLog.title", Messages.isolate(group.get().getDisplayName()));
        pages.render(res, Status.OK_200, v, heading, "moderation_log.jte", Map.of("view", new ModerationLogView(heading,
                m.get("moderationLog.intro"), "/moderation-log/" + name + "?format=json", rows)));
    }

    private ModerationLogView.Row row(ModerationActionEntity a, Messages m) {
        String setting = setting(a, m);
        return new ModerationLogView.Row(m.dateTime(a.getCreatedAt()), a.getCreatedAt().toString(),
                kind(a, m), setting == null ? a.getTarget() : setting, setting == null, a.getReason(),
                moderator(a, m));
    }

    /** What was done, translated; with how many posts for a turn-down of one account's waiting posts. */
    private static String kind(ModerationActionEntity a, Messages m) {
        return a.getPostCount() == null ? m.get(a.getKind().messageKey()) : m.get(a.getKind().messageKey(), a.getPostCount());
    }

    /**
     * A changed setting's new value by its translated name (the log stores the API's word, {@code two_thirds}, which the
     * JSON keeps); null when the target is an address or a server name.
     */
    private static String setting(ModerationActionEntity a, Messages m) {
        if (a.getKind() != ModerationActionKind.DECISION_MAJORITY_SET) {
            return null;
        }
        DecisionMajority majority = DecisionMajority.fromWord(a.getTarget());
        return majority == null ? null : m.get(majority.messageKey());
    }

    private void json(ServerResponse res, ActorEntity group, List<ModerationActionEntity> actions) {
        ObjectNode body = JSON.createObjectNode().put("community", group.getUri());
        ArrayNode items = body.putArray("items");
        for (ModerationActionEntity a : actions) {
            ObjectNode item = items.addObject().put("time", a.getCreatedAt().toString())
                    .put("kind", a.getKind().name().toLowerCase(Locale.ROOT)).put("target", a.getTarget())
                    .put("reason", a.getReason()).put("scope", a.getCommunityId() == null ? "instance" : "community");
            if (a.getPostCount() != null) {
                item.put("count", a.getPostCount());
            }
            if (showNames) {
                item.put("moderator", moderatorName(a));
            }
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        res.send(body.toString());
    }

    private String moderator(ModerationActionEntity a, Messages m) {
        String name = showNames ? moderatorName(a) : null;
        if (name != null) {
            return Messages.isolate(name);
        }
        if (a.getModeratorId() == null && BY_VOTE.contains(a.getKind())) {
            return m.get("moderationLog.byVote"); // a decision reached at its poll's end time: nobody acted but the voters
        }
        return m.get(a.getModeratorId() == null ? "moderationLog.byOperators" : "moderationLog.byModerator");
    }

    private String moderatorName(ModerationActionEntity a) {
        if (a.getModeratorId() == null) {
            return null;
        }
        return db.inTransaction(s -> Optional.ofNullable(s.find(ActorEntity.class, a.getModeratorId()))
                .filter(x -> !x.isDeleted()).map(ActorEntity::getDisplayName).orElse(null));
    }

    private static boolean wantsJson(ServerRequest req) {
        if ("json".equals(req.query().first("format").orElse(""))) {
            return true;
        }
        String accept = req.headers().first(HeaderNames.ACCEPT).orElse("");
        return accept.startsWith("application/json");
    }
}
