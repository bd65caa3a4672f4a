package org.weft.server.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.follow.Follower;
import org.weft.server.domain.follow.Followers;
import org.weft.server.domain.moderation.CommunityFollowers;
import org.weft.server.domain.moderation.Moderators;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.Confirmation;
import org.weft.web.view.FollowerRow;
import org.weft.web.view.FollowersView;
import org.weft.web.view.Option;

/**
 * Who follows, and the decisions on them: {@code /moderate/{name}/followers} for a community's moderators, and
 * {@code /account/followers} for a member's own account. Both pages say whether new follows wait for approval (and
 * switch it), list the waiting follows (approve, reject) and the followers (approve for community-only posts,
 * remove). Rejecting, removing and turning approval off ask first; every form changes things once. Someone who does
 * not moderate the community gets 403 and nothing changes.
 */
public final class FollowersPage {
    private static final String ACCOUNT = "/account/followers";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_][a-z0-9_.-]{0,29}");

    private final Pages pages;
    private final Followers followers;
    private final CommunityFollowers communityFollowers;
    private final Moderators moderators;
    private final AudienceReach reach;

    public FollowersPage(Pages pages, Followers followers, CommunityFollowers communityFollowers, Moderators moderators,
                         AudienceReach reach) {
        this.pages = pages;
        this.followers = followers;
        this.communityFollowers = communityFollowers;
        this.moderators = moderators;
        this.reach = reach;
    }

    public void mine(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (Pages.requireMember(res, v)) {
            show(res, Status.OK_200, v, null, notice(req, v), null);
        }
    }

    public void community(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (Pages.requireMember(res, v)) {
            show(res, Status.OK_200, v, community(req), notice(req, v), null);
        }
    }

    public void mineApproval(ServerRequest req, ServerResponse res) {
        approval(req, res, null);
    }

    public void communityApproval(ServerRequest req, ServerResponse res) {
        approval(req, res, community(req));
    }

    public void mineDecide(ServerRequest req, ServerResponse res) {
        decide(req, res, null);
    }

    public void communityDecide(ServerRequest req, ServerResponse res) {
        decide(req, res, community(req));
    }

    private void approval(ServerRequest req, ServerResponse res, String community) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        boolean required = "on".equals(Forms.first(form, "required"));
        if (!required && !Pages.confirmed(form)) {
            askApprovalOff(res, v, community);
            return;
        }
        act(res, v, form, community, () -> {
            if (community == null) {
                followers.requireApproval(v.username(), required);
            } else {
                communityFollowers.requireApproval(v.member().get().memberId(), community, required);
            }
        });
    }

    private void decide(ServerRequest req, ServerResponse res, String community) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        String follower = Forms.first(form, "follower");
        String decision = Forms.first(form, "decision");
        long me = v.member().get().memberId();
        if (("reject".equals(decision) || "remove".equals(decision)) && !Pages.confirmed(form)) {
            ask(res, v, community, follower, decision);
            return;
        }
        act(res, v, form, community, () -> {
            switch (decision) {
                case "approve" -> {
                    if (community == null) {
                        followers.approve(v.username(), follower);
                    } else {
                        communityFollowers.approve(me, community, follower);
                    }
                }
                case "reject" -> {
                    if (community == null) {
                        followers.reject(v.username(), follower);
                    } else {
                        communityFollowers.reject(me, community, follower);
                    }
                }
                case "remove" -> {
                    if (community == null) {
                        followers.remove(v.username(), follower);
                    } else {
                        communityFollowers.remove(me, community, follower);
                    }
                }
                default -> throw new IllegalArgumentException("Unknown decision " + decision);
            }
        });
    }

    /**
     * Rejecting or removing a follower asks first, on a page of its own (its server is told, and the follower would
     * have to follow again): only someone who may decide is asked; anyone else gets 403 as the decision would.
     */
    private void ask(ServerResponse res, Visitor v, String community, String follower, String decision) {
        if (!mayDecide(res, v, community)) {
            return;
        }
        Messages m = v.messages();
        pages.confirm(res, v, m.get("confirm." + decision + "FollowerTitle"), new Confirmation(follower, null,
                m.get("confirm." + decision + "Follower"), base(community) + "/decide",
                List.of(new Confirmation.Field("follower", follower), new Confirmation.Field("decision", decision)),
                m.get("followers." + decision), base(community)));
    }

    /**
     * Turning approval off asks first: everyone waiting is accepted at once (their servers told), and anyone may follow
     * from then on without being asked about.
     */
    private void askApprovalOff(ServerResponse res, Visitor v, String community) {
        if (!mayDecide(res, v, community)) {
            return;
        }
        Messages m = v.messages();
        pages.confirm(res, v, m.get("confirm.approvalOffTitle"), new Confirmation(community == null ? v.username()
                : community, null, m.get("confirm.approvalOff"), base(community) + "/approval",
                List.of(new Confirmation.Field("required", "off")), m.get("followers.turnOff"), base(community)));
    }

    /** Whether this member may decide on these followers; if not, the refusal is shown and false returned. */
    private boolean mayDecide(ServerResponse res, Visitor v, String community) {
        try {
            if (community != null) {
                communityFollowers.requiresApproval(v.member().get().memberId(), community);
            }
            return true;
        } catch (ForbiddenException e) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "followers.forbidden");
        } catch (NotFoundException e) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
        }
        return false;
    }

    /**
     * Runs a decision once (a repeat of the form's token changes nothing); success goes back to the page, a refusal
     * shows it again with the reason.
     */
    private void act(ServerResponse res, Visitor v, Map<String, List<String>> form, String community, Runnable decision) {
        try {
            pages.once(res, v, form, base(community), () -> {
                decision.run();
                return base(community) + "?done=1";
            });
        } catch (ForbiddenException e) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "followers.forbidden");
        } catch (NotFoundException e) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
        } catch (DomainException | IllegalArgumentException e) {
            show(res, Status.BAD_REQUEST_400, v, community, null, v.messages().get("followers.refused"));
        }
    }

    private void show(ServerResponse res, Status status, Visitor v, String community, String notice, String error) {
        Messages m = v.messages();
        long me = v.member().get().memberId();
        List<Follower> all;
        boolean required;
        try {
            all = community == null ? followers.list(v.username()) : communityFollowers.list(me, community);
            required = community == null ? followers.requiresApproval(v.username())
                    : communityFollowers.requiresApproval(me, community);
        } catch (ForbiddenException e) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "followers.forbidden");
            return;
        } catch (NotFoundException e) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
            return;
        }
        List<FollowerRow> waiting = new ArrayList<>();
        List<FollowerRow> current = new ArrayList<>();
        for (Follower f : all) {
            String state = f.linked() ? m.get("followers.linked") : f.approved() ? m.get("followers.approved")
                    : m.get("followers.publicOnly");
            FollowerRow row = new FollowerRow(f.displayName(), f.handle(), f.actorUri(), community == null ? "" : state,
                    f.waiting() || community != null && !f.approved());
            (f.waiting() ? waiting : current).add(row);
        }
        List<Option> moderated = moderators.communitiesOf(me).stream()
                .map(g -> new Option("/moderate/" + g.getUsername(), g.getDisplayName(),
                        g.getUsername().equals(community)))
                .toList();
        String heading = community == null ? m.get("followers.titleMine")
                : m.get("followers.titleCommunity", Messages.isolate(displayName(moderated, community)));
        FollowersView view = new FollowersView(heading,
                m.get(community == null ? "followers.memberHelp" : "followers.communityHelp"), base(community), required,
                community == null ? null : reach.sentence(community, m), waiting, current, moderated, notice, error);
        pages.render(res, status, v, heading, "followers.jte", Map.of("view", view));
    }

    /** The community named in the path, or "-" (no such community) when it is not a username. */
    private static String community(ServerRequest req) {
        String name = req.path().pathParameters().get("name").toLowerCase(Locale.ROOT);
        return USERNAME.matcher(name).matches() ? name : "-";
    }

    private static String displayName(List<Option> moderated, String community) {
        return moderated.stream().filter(Option::selected).map(Option::label).findFirst().orElse(community);
    }

    private static String notice(ServerRequest req, Visitor v) {
        return req.query().first("done").map(d -> v.messages().get("account.saved")).orElse(null);
    }

    private static String base(String community) {
        return community == null ? ACCOUNT : "/moderate/" + community + "/followers";
    }
}
