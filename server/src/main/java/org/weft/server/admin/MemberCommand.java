package org.weft.server.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.weft.server.domain.account.AccountService;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.actor.LocalActorService;
import org.weft.server.persistence.ActorEntity;
import picocli.CommandLine.Command;
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
        @Option(names = "--password-file", description = "Read the password from the first line of this file")
        Path passwordFile;
        @Option(names = "--password-stdin", description = "Read the password from standard input")
        boolean passwordStdin;
        @Option(names = "--approve-followers", description = "Follows wait for the member's approval")
        boolean approveFollowers;

        @Override
        public Integer call() {
            String password;
            try {
                password = readPassword();
            } catch (IllegalArgumentException e) {
                return OperatorContext.refuse(spec, e.getMessage());
            } catch (IOException e) {
                return OperatorContext.refuse(spec, "Cannot read the password: " + e.getMessage());
            }
            return OperatorContext.run(spec, ctx -> {
                ActorEntity member = new LocalActorService(ctx.db(), ctx.urls(), ctx.clock())
                        .createMember(username, displayName, password, approveFollowers);
                ctx.out().println("Created member @" + member.getUsername() + "@" + ctx.urls().domain() + " " + member.getUri());
                return 0;
            });
        }

        private String readPassword() throws IOException {
            if (passwordFile != null && passwordStdin) {
                throw new IllegalArgumentException("Use --password-file or --password-stdin, not both");
            }
            if (passwordFile != null) {
                return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            }
            if (passwordStdin) {
                var in = new BufferedReader(new InputStreamReader(OperatorContext.stdin(spec), StandardCharsets.UTF_8));
                String line = in.readLine();
                return line == null ? "" : line;
            }
            Console console = System.console();
            if (console == null || !isTerminal(console)) {
                throw new IllegalArgumentException("No terminal to ask for a password: use --password-file or --password-stdin");
            }
            return new String(console.readPassword("Password for %s: ", username));
        }

        /**
         * Whether the console is a real terminal. Since JDK 22, {@code System.console()} is not null when input is
         * redirected, and asking it for a password would then read a pipe (or wait for one) instead of refusing.
         * {@code Console.isTerminal()} says which, but exists only from JDK 22 while Weft compiles for 21.
         */
        private static boolean isTerminal(Console console) {
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true; // JDK 21: a non-null console is a terminal
            }
        }
    }

    @Command(name = "password", description = "Give a member a new password, and end their sessions and API tokens. "
            + "Without an option a new one is made up and printed, to hand over in person.")
    static final class Password implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "The member's username")
        String username;
        @Option(names = "--password-file", description = "Read the new password from the first line of this file")
        Path passwordFile;
        @Option(names = "--password-stdin", description = "Read the new password from standard input")
        boolean passwordStdin;

        @Override
        public Integer call() {
            String chosen;
            try {
                chosen = chosenPassword();
            } catch (IllegalArgumentException e) {
                return OperatorContext.refuse(spec, e.getMessage());
            } catch (IOException e) {
                return OperatorContext.refuse(spec, "Cannot read the password: " + e.getMessage());
            }
            return OperatorContext.run(spec, ctx -> {
                String password = new AccountService(ctx.db(), new LocalActorService(ctx.db(), ctx.urls(), ctx.clock()),
                        null, ctx.clock()).resetPassword(username, chosen);
                ctx.out().println("New password for " + username + (chosen == null ? ": " + password : " set")
                        + " (their sessions and API tokens have ended)");
                return 0;
            });
        }

        private String chosenPassword() throws IOException {
            if (passwordFile != null && passwordStdin) {
                throw new IllegalArgumentException("Use --password-file or --password-stdin, not both");
            }
            if (passwordFile != null) {
                return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            }
            if (passwordStdin) {
                var in = new BufferedReader(new InputStreamReader(OperatorContext.stdin(spec), StandardCharsets.UTF_8));
                String line = in.readLine();
                return line == null ? "" : line;
            }
            return null;
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
