package org.weft.server.admin;

import java.util.concurrent.Callable;

import org.weft.server.domain.account.AccountEnd;
import org.weft.server.domain.account.AccountService;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.actor.LocalActorService;
import org.weft.server.persistence.ActorEntity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft member create USERNAME}: a person who can log in and post; {@code member admin} makes an operator;
 * {@code member password} gives a member who lost theirs a new password.
 */
@Command(name = "member", description = "Manage members.",
        subcommands = {MemberCommand.Create.class, MemberCommand.Admin.class, MemberCommand.Password.class})
final class MemberCommand {
    @Command(name = "create", description = "Create a member with a password (asked for, or read from a file or stdin).")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Username, e.g. amina")
        String username;
        @Option(names = "--display-name", description = "Name people see")
        String displayName;
        @Mixin
        PasswordSource password;
        @Option(names = "--approve-followers", description = "Follows wait for the member's approval")
        boolean approveFollowers;

        @Override
        public Integer call() {
            return password.readThen(spec, username, true, chosen -> OperatorContext.run(spec, ctx -> {
                ActorEntity member = new LocalActorService(ctx.db(), ctx.urls(), ctx.clock())
                        .createMember(username, displayName, chosen, approveFollowers);
                ctx.out().println("Created member @" + member.getUsername() + "@" + ctx.urls().domain() + " " + member.getUri());
                return 0;
            }));
        }
    }

    @Command(name = "password", description = "Give a member a new password, and end their sessions and API tokens. "
            + "Without an option a new one is made up and printed, to hand over in person.")
    static final class Password implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "The member's username")
        String username;
        @Mixin
        PasswordSource password;

        @Override
        public Integer call() {
            return password.readThen(spec, username, false, chosen -> OperatorContext.run(spec, ctx -> {
                String given = new AccountService(ctx.db(), new LocalActorService(ctx.db(), ctx.urls(), ctx.clock()),
                        null, AccountEnd.NONE, ctx.clock()).resetPassword(username, chosen);
                ctx.out().println("New password for " + username + (chosen == null ? ": " + given : " set")
                        + " (their sessions and API tokens have ended)");
                return 0;
            }));
        }
    }

    @Command(name = "admin", description = "Let a member use the operator pages (or, with --revoke, no longer).")
    static final class Admin implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "The member's username")
        String username;
        @Option(names = "--revoke", description = "Take the operator role away")
        boolean revoke;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                new Operators(ctx.db()).setAdmin(username, !revoke);
                ctx.out().println((revoke ? "No longer an operator: " : "Operator: ") + username);
                return 0;
            });
        }
    }
}
