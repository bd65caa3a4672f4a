package org.weft.server.admin;

import java.util.concurrent.Callable;

import org.weft.server.domain.actor.LocalActorService;
import org.weft.server.persistence.ActorEntity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft group create NAME}: a community that people can follow. */
@Command(name = "group", description = "Manage communities (ActivityPub groups).", subcommands = GroupCommand.Create.class)
final class GroupCommand {
    @Command(name = "create", description = "Create a community.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the group, e.g. block3")
        String name;
        @Option(names = "--display-name", description = "Name people see")
        String displayName;
        @Option(names = "--summary", description = "About text (plain text; blank lines separate paragraphs)")
        String summary;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                ActorEntity group = new LocalActorService(ctx.db(), ctx.urls(), ctx.clock())
                        .createGroup(name, displayName, summary);
                ctx.out().println("Created group @" + group.getUsername() + "@" + ctx.urls().domain() + " " + group.getUri());
                return 0;
            });
        }
    }
}
