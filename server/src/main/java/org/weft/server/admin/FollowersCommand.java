package org.weft.server.admin;

import java.util.concurrent.Callable;

import org.weft.server.domain.Usernames;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FollowRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft followers list GROUP}: who follows a community, and whether each follow is accepted. */
@Command(name = "followers", description = "Show followers.", subcommands = FollowersCommand.ListFollowers.class)
final class FollowersCommand {
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
                follows.forEach(f -> ctx.out().printf("%-9s %s  (@%s@%s)%n", f.getState(), f.getFollower().getUri(),
                        f.getFollower().getUsername(), f.getFollower().getDomain()));
                return 0;
            }));
        }
    }
}
