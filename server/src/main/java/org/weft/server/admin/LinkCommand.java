package org.weft.server.admin;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.weft.activitypub.client.ActivityPubClient;
import org.weft.activitypub.client.AddressGuard;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.server.config.WeftVersion;
import org.weft.server.domain.actor.LocalActorService;
import org.weft.server.domain.actor.LocalSigners;
import org.weft.server.domain.actor.RemoteActors;
import org.weft.server.domain.actor.WebFingerLookup;
import org.weft.server.domain.follow.CommunityLink;
import org.weft.server.domain.follow.FollowService;
import org.weft.server.domain.follow.LinkAllowList;
import org.weft.server.domain.follow.LinkService;
import org.weft.server.domain.actor.StoredSchemeMemory;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.queue.Outbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft link create|remove|list GROUP [TARGET]}: links between a community here and one elsewhere, so
 * that each receives the other's offers and requests for matching. The follow is queued in the database; the
 * running server delivers it.
 */
@Command(name = "link", description = "Link communities across instances.",
        subcommands = {LinkCommand.Create.class, LinkCommand.Remove.class, LinkCommand.ListLinks.class})
final class LinkCommand {

    @Command(name = "create", description = "GROUP here follows TARGET (@group@host or its URL).")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the group here")
        String group;
        @Parameters(index = "1", description = "The other community: @name@host or actor URL")
        String target;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> withLinks(ctx, links -> {
                String uri = links.link(group, target);
                ctx.out().printf("%s now follows %s (pending until it accepts; Weft communities accept at once)%n",
                        group, uri);
                return 0;
            }));
        }
    }

    @Command(name = "remove", description = "GROUP here stops following TARGET.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the group here")
        String group;
        @Parameters(index = "1", description = "The other community: @name@host or actor URL")
        String target;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> withLinks(ctx, links -> {
                if (links.unlink(group, target)) {
                    ctx.out().printf("%s no longer follows %s%n", group, target);
                } else {
                    ctx.out().printf("%s was not following %s: nothing changed%n", group, target);
                }
                return 0;
            }));
        }
    }

    @Command(name = "list", description = "The communities GROUP follows or is followed by.")
    static final class ListLinks implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the group here")
        String group;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> withLinks(ctx, links -> {
                List<CommunityLink> all = links.links(group);
                ctx.out().printf("%d link(s) of %s%n", all.size(), group);
                for (CommunityLink l : all) {
                    String ours = !l.weFollow() ? "-" : l.accepted() ? "following" : "pending";
                    ctx.out().printf("%-9s %-10s %s  (%s)%n", ours, l.theyFollow() ? "follows us" : "-", l.actorUri(),
                            l.handle());
                }
                return 0;
            }));
        }
    }

    private interface LinkWork {
        int run(LinkService links) throws IOException;
    }

    /** The federation pieces a link needs, without the web server: signed lookups and the delivery queue. */
    private static int withLinks(OperatorContext ctx, LinkWork work) {
        LocalActorService actors = new LocalActorService(ctx.db(), ctx.urls(), ctx.clock());
        ActorEntity instanceActor = actors.ensureInstanceActor();
        boolean allowPrivate = ctx.config().allowPrivateAddresses();
        try (ActivityPubClient client = ActivityPubClient.builder(WeftVersion.userAgent(ctx.urls().base()))
                .addressCheck(new AddressGuard(allowPrivate))
                .instanceSigner(new LocalSigners(ctx.db()).forActor(instanceActor.getId()))
                .schemeMemory(new StoredSchemeMemory(ctx.db(), ctx.clock()))
                .build()) {
            RemoteActors remote = new RemoteActors(ctx.db(), client, ctx.urls(), ctx.clock());
            Outbox outbox = new Outbox(ctx.urls(), new JsonLdCodec(ctx.config().inboxMaxBytes(), JsonLdCodec.DEFAULT_MAX_DEPTH),
                    ctx.clock());
            FollowService follows = new FollowService(ctx.db(), outbox, remote, new WebFingerLookup(client, allowPrivate),
                    ctx.clock());
            return work.run(new LinkService(ctx.db(), follows, new LinkAllowList(ctx.config().linkAllow())));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot reach the other community: " + e.getMessage(), e);
        }
    }
}
