package org.weft.server.admin;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.weft.server.domain.account.Invites;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code weft invite create}: a one-time sign-up code, for instances where sign-up is by invite. */
@Command(name = "invite", description = "Manage sign-up invites.", subcommands = InviteCommand.Create.class)
final class InviteCommand {
    @Command(name = "create", description = "Create a one-time sign-up code.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--note", description = "Who it is for (shown to operators only)")
        String note;
        @Option(names = "--days", description = "Days before it expires", defaultValue = "14")
        int days;

        @Override
        public Integer call() {
            if (days < 1 || days > 365) {
                return OperatorContext.refuse(spec, "--days must be 1 to 365");
            }
            return OperatorContext.run(spec, ctx -> {
                var invite = new Invites(ctx.db(), ctx.clock()).create(note, Duration.ofDays(days));
                ctx.out().println(invite.getCode());
                return 0;
            });
        }
    }
}
