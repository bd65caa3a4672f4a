package org.weft.server.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.weft.server.domain.LocalActorService;
import org.weft.server.persistence.ActorEntity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft member create USERNAME}: a person who can log in and post. */
@Command(name = "member", description = "Manage members.", subcommands = MemberCommand.Create.class)
final class MemberCommand {
    @Command(name = "create", description = "Create a member with a password (asked for, or read from a file or stdin).")
    static final class Create implements Callable<Integer> {
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
        public Integer call() throws IOException {
            String password = readPassword();
            try (OperatorContext ctx = OperatorContext.open()) {
                ActorEntity member = new LocalActorService(ctx.db(), ctx.urls(), ctx.clock())
                        .createMember(username, displayName, password, approveFollowers);
                System.out.println("Created member @" + member.getUsername() + "@" + ctx.urls().domain() + " " + member.getUri());
                return 0;
            }
        }

        private String readPassword() throws IOException {
            if (passwordFile != null) {
                return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            }
            if (passwordStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? "" : line;
            }
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("No terminal to ask for a password: use --password-file or --password-stdin");
            }
            return new String(console.readPassword("Password for %s: ", username));
        }
    }
}
