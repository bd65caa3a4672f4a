package org.weft.server.admin;

import java.util.concurrent.Callable;

import org.weft.server.domain.account.ApiTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft token create USERNAME}: an API token, printed once. */
@Command(name = "token", description = "Manage API tokens.", subcommands = TokenCommand.Create.class)
final class TokenCommand {
    @Command(name = "create", description = "Create an API token for a member; it is shown only once.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "The member's username")
        String username;
        @Option(names = "--label", description = "What the token is for", defaultValue = "cli")
        String label;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                ctx.out().println(new ApiTokens(ctx.db(), ctx.clock()).create(username, label));
                return 0;
            });
        }
    }
}
