package org.weft.server.admin;

import java.util.concurrent.Callable;

import org.weft.server.domain.LocalActorService;
import org.weft.server.persistence.ActorEntity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft group create NAME}: a community that people can follow. */
@Command(name = "group", description = "Manage communities (ActivityPub groups).", subcommands = GroupCommand.Create.class)
final class GroupCommand {
    @Command(name = "create", description = "Create a community.")
    static final class Create implements Callable<Integer> {
        @Parameters(index = "0", description = "Username of the group, e.g. block3")
        String name;
        @Option(names = "--display-name", description = "Name people see")
        String displayName;
        @Option(names = "--summary", description = "About text (plain text or simple HTML)")
        String summary;

        @Override
        public Integer call() {
            try (OperatorContext ctx = OperatorContext.open()) {
                ActorEntity group = new LocalActorService(ctx.db(), ctx.urls(), ctx.clock()).createGroup(name, displayName, summary);
                System.out.println("Created group @" + group.getUsername() + "@" + ctx.urls().domain() + " " + group.getUri());
                return 0;
            }
        }
    }
}
