package org.weft.server.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.moderation.CommunityServerBlocks;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.Confirmation;

/**
 * A community's moderator refuses another server for the community, from the server's entry in the queue of waiting
 * posts: {@code POST /moderate/{name}/posts/block-server} with {@code server} (its name) and an optional public
 * {@code reason} asks first on a page of its own; confirmed, the server is blocked in this community only
 * ({@link CommunityServerBlocks}). {@code POST .../unblock-server} lifts it (nothing is lost by lifting, so it does not
 * ask). Someone who does not moderate the community gets 403 and nothing changes; each form changes things once.
 */
public final class CommunityServerBlockPage {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_][a-z0-9_.-]{0,29}");

    private final Pages pages;
    private final CommunityServerBlocks blocks;

    public CommunityServerBlockPage(Pages pages, CommunityServerBlocks blocks) {
        this.pages = pages;
        this.blocks = blocks;
    }

    public void block(ServerRequest req, ServerResponse res) {
        act(req, res, (v, form, me, community, server) -> {
            String reason = Forms.first(form, "reason");
            String base = base(community);
            if (!Pages.confirmed(form)) {
                // Asked of a moderator only: the list is theirs alone, and answers 403 to anyone else.
                blocks.list(me, community);
                Messages m = v.messages();
                List<Confirmation.Field> fields = new ArrayList<>(List.of(new Confirmation.Field("server", server)));
                if (reason != null && !reason.isBlank()) {
                    fields.add(new Confirmation.Field("reason", reason));
                }
                String named = Messages.isolateLeftToRight(server);
                pages.confirm(res, v, m.get("confirm.blockServerTitle", named), new Confirmation(server, null,
                        m.get("confirm.blockServer", named), base + "/block-server", fields,
                        m.get("moderation.blockServer"), base + "#server-" + server));
                return;
            }
            pages.once(res, v, form, base, () -> {
                blocks.block(me, community, server, reason);
                return Pages.done(base, "serverBlocked", null);
            });
        });
    }

    public void unblock(ServerRequest req, ServerResponse res) {
        act(req, res, (v, form, me, community, server) -> pages.once(res, v, form, base(community), () -> {
            blocks.unblock(me, community, server);
            return Pages.done(base(community), "serverUnblocked", null);
        }));
    }

    private interface Action {
        void run(Visitor v, Map<String, List<String>> form, long me, String community, String server);
    }

    private void act(ServerRequest req, ServerResponse res, Action action) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        String name = req.path().pathParameters().get("name").toLowerCase(Locale.ROOT);
        String community = USERNAME.matcher(name).matches() ? name : "-";
        String server = ServerName.read(Forms.first(form, "server")).orElse(null);
        if (server == null) {
            WaitingPostsPage.notAServer(pages, res, v, base(community));
            return;
        }
        try {
            action.run(v, form, v.member().get().memberId(), community, server);
        } catch (ForbiddenException e) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "followers.forbidden");
        } catch (NotFoundException e) {
            pages.notFound(res, v);
        }
    }

    private static String base(String community) {
        return "/moderate/" + community + "/posts";
    }
}
