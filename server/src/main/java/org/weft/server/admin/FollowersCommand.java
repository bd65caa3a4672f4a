package org.weft.server.admin;

import java.util.concurrent.Callable;

import org.weft.server.domain.ActorRepository;
import org.weft.server.domain.FollowRepository;
import org.weft.server.domain.Usernames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code weft followers list GROUP}: who follows a community, and whether each follow is accepted. */
@Command(name = "followers", description = "Show followers.", subcommands = FollowersCommand.ListFollowers.class)
final class FollowersCommand {
    @Command(name = "list", description = "List the followers of a group or member.")
    static final class ListFollowers implements Callable<Integer> {
        @Parameters(index = "0", description = "Username of the group or member")
        String name;

        @Override
        public Integer call() {
            try (OperatorContext ctx = OperatorContext.open()) {
                return ctx.db().inTransaction(s -> {
                    var actor = ActorRepository.localByUsername(s, Usernames.normalise(name));
                    if (actor.isEmpty()) {
                        System.err.println("No local group or member named '" + name + "'");
                        return 1;
                    }
                    var follows = FollowRepository.followersOf(s, actor.get(), null, 0, Integer.MAX_VALUE);
                    System.out.printf("%d follower(s) of %s%n", follows.size(), actor.get().getUri());
                    follows.forEach(f -> System.out.printf("%-9s %s  (@%s@%s)%n", f.getState(), f.getFollower().getUri(),
                            f.getFollower().getUsername(), f.getFollower().getDomain()));
                    return 0;
                });
            }
        }
    }
}
