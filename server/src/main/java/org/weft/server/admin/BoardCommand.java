package org.weft.server.admin;

import java.time.Clock;
import java.util.concurrent.Callable;

import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.server.domain.moderation.ModerationService;
import org.weft.server.domain.proposal.CommunityBoosts;
import org.weft.server.queue.Outbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft board pending|approve|reject}: posts from people who do not follow a community, posts whose offer or
 * request the classifier was unsure of (and others, see {@link ModerationService}) wait for a moderator. Approving
 * puts one on the board; the running server then delivers the community's boost and, within half a minute, matches
 * it.
 */
@Command(name = "board", description = "Moderate what goes on a community's board.",
        subcommands = {BoardCommand.Pending.class, BoardCommand.Approve.class, BoardCommand.Reject.class})
final class BoardCommand {
    private static ModerationService moderation(OperatorContext ctx) {
        Outbox outbox = new Outbox(ctx.urls(), new JsonLdCodec(), Clock.systemUTC());
        return new ModerationService(ctx.db(), new CommunityBoosts(outbox, ctx.urls()), ctx.clock());
    }

    @Command(name = "pending", description = "List posts waiting for a moderator.")
    static final class Pending implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the community")
        String community;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                var waiting = moderation(ctx).pending(community);
                ctx.out().printf("%d post(s) waiting on %s%n", waiting.size(), community);
                waiting.forEach(p -> ctx.out().printf("%6d  %-7s %s  from %s  %s%n", p.getId(), p.getPurpose().wire(),
                        p.getTitle(), p.getAuthor().getUri(), p.getUri()));
                return 0;
            });
        }
    }

    @Command(name = "approve", description = "Put a waiting post on its community's board.")
    static final class Approve implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "The post's number, from 'board pending'")
        long id;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                ctx.out().println("Approved " + moderation(ctx).approve(id).getUri());
                return 0;
            });
        }
    }

    @Command(name = "reject", description = "Keep a waiting post off the board.")
    static final class Reject implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "The post's number, from 'board pending'")
        long id;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                ctx.out().println("Rejected " + moderation(ctx).reject(id).getUri());
                return 0;
            });
        }
    }
}
