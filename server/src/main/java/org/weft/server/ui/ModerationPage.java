package org.weft.server.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.moderation.Moderators;
import org.weft.server.model.ActorKind;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.Confirmation;
import org.weft.web.view.ModerationView;
import org.weft.web.view.ModeratorRow;

/**
 * {@code /moderate/{name}}: a community's moderation page, for its moderators. It lists the moderators, lets a
 * moderator choose another member (or remove one chosen after them, or step down, after a confirmation page), choose
 * whether every post from another server waits for a moderator, and leads to the followers page and the reports. Each form changes things once.
 * Someone who does not moderate the community gets 403 and nothing changes.
 */
public final class ModerationPage {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_][a-z0-9_.-]{0,29}");

    private final Pages pages;
    private final Database db;
    private final Moderators moderators;
    private final AudienceReach reach;
    private final LocalUrls urls;

    public ModerationPage(Pages pages, Database db, Moderators moderators, AudienceReach reach, LocalUrls urls) {
        this.pages = pages;
        this.db = db;
        this.moderators = moderators;
        this.reach = reach;
        this.urls = urls;
    }

    public void render(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (Pages.requireMember(res, v)) {
            String notice = req.query().first("done").map(d -> v.messages().get("account.saved")).orElse(null);
            show(res, Status.OK_200, v, community(req), notice, null);
        }
    }

    /** Every post from another server waits for a moderator ({@code every=on}), or only those the classifier is unsure of. */
    public void review(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        String community = community(req);
        boolean every = "on".equals(Forms.first(form, "every"));
        try {
            pages.once(res, v, form, "/moderate/" + community, () -> {
                moderators.reviewFreeText(community, every, Optional.of(v.member().get().memberId()));
                return "/moderate/" + community + "?done=1";
            });
        } catch (ForbiddenException e) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "followers.forbidden");
        } catch (NotFoundException e) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
        }
    }

    public void add(ServerRequest req, ServerResponse res) {
        change(req, res, true);
    }

    public void remove(ServerRequest req, ServerResponse res) {
        change(req, res, false);
    }

    private void change(ServerRequest req, ServerResponse res, boolean adding) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        String community = community(req);
        String member = Forms.first(form, "username");
        Optional<Long> me = Optional.of(v.member().get().memberId());
        if (!adding && !Pages.confirmed(form)) {
            ask(res, v, community, member);
            return;
        }
        try {
            pages.once(res, v, form, "/moderate/" + community, () -> {
                if (adding) {
                    moderators.add(community, member, me);
                } else {
                    moderators.remove(community, member, me);
                }
                return "/moderate/" + community + "?done=1";
            });
        } catch (ForbiddenException e) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle",
                    adding ? "followers.forbidden" : "moderation.removeForbidden");
        } catch (NotFoundException e) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
        } catch (DomainException | IllegalArgumentException e) {
            show(res, Status.BAD_REQUEST_400, v, community, null, v.messages().get("moderation.noSuchMember"));
        }
    }

    /** Removing a moderator asks first, and only a moderator of the community is asked (anyone else: 403). */
    private void ask(ServerResponse res, Visitor v, String community, String member) {
        Optional<ActorEntity> group = db.inTransaction(s -> ActorRepository.local(s, ActorKind.GROUP, community)
                .filter(g -> !g.isDeleted()));
        if (group.isEmpty()) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
            return;
        }
        if (!moderators.moderates(v.member().get().memberId(), group.get().getId())) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "moderation.removeForbidden");
            return;
        }
        Messages m = v.messages();
        String base = "/moderate/" + community;
        pages.confirm(res, v, m.get("confirm.removeModeratorTitle"), new Confirmation(member, null,
                m.get("confirm.removeModerator", Messages.isolate(group.get().getDisplayName())), base + "/moderators/remove",
                List.of(new Confirmation.Field("username", member)), m.get("followers.remove"), base));
    }

    private void show(ServerResponse res, Status status, Visitor v, String community, String notice, String error) {
        Messages m = v.messages();
        long me = v.member().get().memberId();
        Optional<ActorEntity> group = db.inTransaction(s -> ActorRepository.local(s, ActorKind.GROUP, community)
                .filter(g -> !g.isDeleted()));
        if (group.isEmpty()) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
            return;
        }
        if (!moderators.moderates(me, group.get().getId())) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "followers.forbidden");
            return;
        }
        List<ModeratorRow> rows = moderators.list(group.get().getId()).stream()
                .map(x -> new ModeratorRow(x.displayName(), "@" + x.username() + "@" + urls.domain(), x.actorUri(),
                        x.operator(), x.operator() ? null : x.username()))
                .toList();
        String heading = m.get("moderation.title", Messages.isolate(group.get().getDisplayName()));
        ModerationView view = new ModerationView(heading, "/moderate/" + community, rows,
                reach.sentence(community, m), group.get().isReviewsFreeText(), notice, error);
        pages.render(res, status, v, heading, "moderation.jte", Map.of("view", view));
    }

    /** The community named in the path, or "-" (no such community) when it is not a username. */
    private static String community(ServerRequest req) {
        String name = req.path().pathParameters().get("name").toLowerCase(Locale.ROOT);
        return USERNAME.matcher(name).matches() ? name : "-";
    }
}
