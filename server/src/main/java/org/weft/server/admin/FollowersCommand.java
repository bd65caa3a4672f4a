package org.weft.server.admin;

import java.util.List;
import java.util.concurrent.Callable;

import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.server.domain.Usernames;
import org.weft.server.domain.actor.ActorRenderer;
import org.weft.server.domain.actor.ActorUpdates;
import org.weft.server.domain.follow.Follower;
import org.weft.server.domain.follow.Followers;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.queue.Outbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft followers list|pending|approve|reject|remove|approval}: who follows a community (or a member), and the
 * operator's decisions on them, as a moderator takes them on the followers page. Reject and remove queue a
 * {@code Reject} of the follow; the running server delivers it.
 */
@Command(name = "followers", description = "Show and decide on followers.",
        subcommands = {FollowersCommand.ListFollowers.class, FollowersCommand.Pending.class, FollowersCommand.Approve.class,
                FollowersCommand.RejectFollower.class, FollowersCommand.Remove.class, FollowersCommand.Approval.class})
final class FollowersCommand {
    private static Followers followers(OperatorContext ctx) {
        Outbox outbox = new Outbox(ctx.urls(), new JsonLdCodec(), ctx.clock());
        return new Followers(ctx.db(), outbox, new ActorUpdates(outbox, new ActorRenderer(ctx.urls())), ctx.clock());
    }

    @Command(name = "list", description = "List the followers of a group or member.")
    static final class ListFollowers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the group or member")
        String name;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> ctx.db().inTransaction(s -> {
                var actor = ActorRepository.localByUsername(s, Usernames.normalise(name))
                        .orElseThrow(() -> new IllegalArgumentException("No local group or member named '" + name + "'"));
                var follows = FollowRepository.followersOf(s, actor, null, 0, Integer.MAX_VALUE);
                ctx.out().printf("%d follower(s) of %s%n", follows.size(), actor.getUri());
                follows.forEach(f -> ctx.out().printf("%-9s %s  (@%s@%s)%s%n", f.getState(), f.getFollower().getUri(),
                        f.getFollower().getUsername(), f.getFollower().getDomain(),
                        FollowRepository.isApproved(s, f) ? "  approved" : ""));
                return 0;
            }));
        }
    }

    @Command(name = "pending", description = "List the follows waiting for approval.")
    static final class Pending implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the group or member")
        String name;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                Followers all = followers(ctx);
                List<Follower> waiting = all.list(name).stream().filter(Follower::waiting).toList();
                ctx.out().printf("%d follow(s) waiting for %s%s%n", waiting.size(), Usernames.normalise(name),
                        all.requiresApproval(name) ? "" : " (follows are accepted at once: see 'followers approval')");
                waiting.forEach(f -> ctx.out().printf("%s  (%s)%n", f.actorUri(), f.handle()));
                return 0;
            });
        }
    }

    @Command(name = "approve", description = "Approve a follower: a waiting one is accepted; a community's follower"
            + " also receives its community-only posts from then on.")
    static final class Approve implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the group or member")
        String name;
        @Parameters(index = "1", description = "The follower: @name@host or actor URL")
        String follower;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                followers(ctx).approve(name, follower);
                ctx.out().printf("Approved %s as a follower of %s%n", follower, Usernames.normalise(name));
                return 0;
            });
        }
    }

    @Command(name = "reject", description = "Turn down a waiting follow (sends Reject).")
    static final class RejectFollower implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the group or member")
        String name;
        @Parameters(index = "1", description = "The follower: @name@host or actor URL")
        String follower;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                followers(ctx).reject(name, follower);
                ctx.out().printf("Rejected %s%n", follower);
                return 0;
            });
        }
    }

    @Command(name = "remove", description = "Remove a follower (sends Reject of its follow; nothing reaches it after).")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the group or member")
        String name;
        @Parameters(index = "1", description = "The follower: @name@host or actor URL")
        String follower;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                followers(ctx).remove(name, follower);
                ctx.out().printf("Removed %s from the followers of %s%n", follower, Usernames.normalise(name));
                return 0;
            });
        }
    }

    @Command(name = "approval", description = "Whether new follows wait for approval (on) or are accepted at once (off).")
    static final class Approval implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the group or member")
        String name;
        @Parameters(index = "1", description = "on or off")
        String setting;

        @Override
        public Integer call() {
            if (!setting.equals("on") && !setting.equals("off")) {
                return OperatorContext.refuse(spec, "say on or off, not '" + setting + "'");
            }
            return OperatorContext.run(spec, ctx -> {
                followers(ctx).requireApproval(name, setting.equals("on"));
                ctx.out().printf("New follows of %s %s%n", Usernames.normalise(name),
                        setting.equals("on") ? "now wait for approval" : "are now accepted at once");
                return 0;
            });
        }
    }
}
