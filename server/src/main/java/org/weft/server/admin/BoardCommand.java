package org.weft.server.admin;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.server.domain.classify.PostReading;
import org.weft.server.domain.moderation.ModerationQueue;
import org.weft.server.domain.moderation.ModerationService;
import org.weft.server.domain.moderation.Moderators;
import org.weft.server.domain.moderation.ReadingSentences;
import org.weft.server.domain.proposal.CommunityBoosts;
import org.weft.server.domain.proposal.HeldReadings;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.queue.Outbox;
import org.weft.web.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft board pending|approve|reject|review}: posts from people who do not follow a community, posts whose offer or
 * request the classifier was unsure of (and others, see {@link ModerationService}) wait for a moderator. Approving
 * puts one on the board, as it is or under one of the classifier's readings (as "This one" does on the waiting-posts
 * page); the running server then delivers the community's boost and, within half a minute, matches it.
 */
@Command(name = "board", description = "Moderate what goes on a community's board.",
        subcommands = {BoardCommand.Pending.class, BoardCommand.Approve.class, BoardCommand.Reject.class,
                BoardCommand.Review.class})
final class BoardCommand {
    /** The command line has no language of its own: the readings are said as an English-speaking moderator reads them. */
    private static final Messages ENGLISH = Messages.forLanguage("en");

    private static ModerationService moderation(OperatorContext ctx) {
        Outbox outbox = new Outbox(ctx.urls(), new JsonLdCodec(), Clock.systemUTC());
        return new ModerationService(ctx.db(), new CommunityBoosts(outbox, ctx.urls()), ctx.clock());
    }

    private static ModerationQueue queue(OperatorContext ctx, Taxonomy taxonomy) {
        return new ModerationQueue(moderation(ctx), new HeldReadings(taxonomy));
    }

    @Command(name = "pending", description = "List posts waiting for a moderator, with the classifier's readings of "
            + "those it was unsure of.")
    static final class Pending implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the community")
        String community;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                Taxonomy taxonomy = Taxonomy.load();
                ReadingSentences sentences = new ReadingSentences(taxonomy);
                List<ModerationQueue.HeldPost> waiting = queue(ctx, taxonomy).waiting(community);
                ctx.out().printf("%d post(s) waiting on %s%n", waiting.size(), community);
                for (ModerationQueue.HeldPost held : waiting) {
                    var p = held.post();
                    ctx.out().printf("%6d  %-7s %s  from %s  %s%n", p.getId(), p.getPurpose().wire(), p.getTitle(),
                            p.getAuthor().getUri(), p.getUri());
                    List<PostReading> readings = held.readings();
                    // Numbered from 1, the number 'board approve ID --reading N' takes.
                    for (int i = 0; i < readings.size(); i++) {
                        ctx.out().printf("        reading %d: %s%n", i + 1, sentences.say(readings.get(i), ENGLISH));
                    }
                }
                if (waiting.stream().anyMatch(h -> !h.readings().isEmpty())) {
                    ctx.out().println("Put a post on the board under one reading: weft board approve ID --reading N");
                }
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
        @Option(names = "--reading", paramLabel = "N", description = "Put it on the board under the classifier's "
                + "reading N, as 'board pending' lists it: exactly that offer or request, those categories and kind")
        Integer reading;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                if (reading == null) {
                    ctx.out().println("Approved " + moderation(ctx).approve(id).getUri());
                    return 0;
                }
                Taxonomy taxonomy = Taxonomy.load();
                ModerationQueue.Placed placed = queue(ctx, taxonomy).approveReadingAsOperator(id, reading - 1);
                ctx.out().println("Approved " + placed.post().getUri() + " as "
                        + new ReadingSentences(taxonomy).say(placed.reading(), ENGLISH));
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

    @Command(name = "review", description = "Show, or choose, which posts from other servers wait for a moderator "
            + "before they go on a community's board: 'every' one, or those the classifier is 'unsure' of (the default).")
    static final class Review implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the community")
        String community;
        @Parameters(index = "1", arity = "0..1", paramLabel = "every|unsure", description = "The choice; without it, "
                + "the command says what is chosen now")
        String choice;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                Moderators moderators = new Moderators(ctx.db(), ctx.clock());
                if (choice != null) {
                    if (!choice.equals("every") && !choice.equals("unsure")) {
                        throw new IllegalArgumentException("Choose 'every' or 'unsure', not '" + choice + "'");
                    }
                    moderators.reviewFreeText(community, choice.equals("every"), Optional.empty());
                }
                ctx.out().println(moderators.reviewsFreeText(community)
                        ? "Every post from another server waits for a moderator before it goes on " + community + "'s board"
                        : "Posts from other servers go on " + community + "'s board at once when the classifier is sure "
                                + "of them; the others wait for a moderator");
                return 0;
            });
        }
    }
}
