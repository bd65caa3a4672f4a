package org.weft.server.admin;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.weft.server.domain.Usernames;
import org.weft.server.domain.moderation.Moderator;
import org.weft.server.domain.moderation.Moderators;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft moderator add|remove|list GROUP [MEMBER]}: who moderates a community. The command line acts as an
 * operator, who may choose or remove any moderator; operators moderate every community without being listed here.
 */
@Command(name = "moderator", description = "Choose who moderates a community.",
        subcommands = {ModeratorCommand.Add.class, ModeratorCommand.Remove.class, ModeratorCommand.ListModerators.class})
final class ModeratorCommand {

    @Command(name = "add", description = "MEMBER becomes a moderator of GROUP.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the group")
        String group;
        @Parameters(index = "1", description = "Username of the member")
        String member;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                new Moderators(ctx.db(), ctx.clock()).add(group, member, Optional.empty());
                ctx.out().printf("%s now moderates %s%n", Usernames.normalise(member), Usernames.normalise(group));
                return 0;
            });
        }
    }

    @Command(name = "remove", description = "MEMBER no longer moderates GROUP.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the group")
        String group;
        @Parameters(index = "1", description = "Username of the member")
        String member;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                boolean was = new Moderators(ctx.db(), ctx.clock()).remove(group, member, Optional.empty());
                if (!was) {
                    return OperatorContext.refuse(spec, member + " was not chosen to moderate " + group);
                }
                ctx.out().printf("%s no longer moderates %s%n", Usernames.normalise(member), Usernames.normalise(group));
                return 0;
            });
        }
    }

    @Command(name = "list", description = "Who moderates GROUP: the members chosen for it, then the operators.")
    static final class ListModerators implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username of the group")
        String group;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                long id = ctx.db().inTransaction(s -> ActorRepository.local(s, ActorKind.GROUP, Usernames.normalise(group))
                        .filter(a -> !a.isDeleted())
                        .orElseThrow(() -> new IllegalArgumentException("No community " + group + " here")).getId());
                List<Moderator> all = new Moderators(ctx.db(), ctx.clock()).list(id);
                ctx.out().printf("%d moderator(s) of %s%n", all.size(), Usernames.normalise(group));
                all.forEach(m -> ctx.out().printf("%-9s %s  (%s)%n", m.operator() ? "operator" : "chosen", m.username(),
                        m.actorUri()));
                return 0;
            });
        }
    }
}
