package org.weft.server.admin;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code weft <command>}: the top of the operator CLI. With no command it serves. */
@Command(name = "weft", mixinStandardHelpOptions = true, version = "Weft 0.1.0",
        description = "A federated ActivityPub server for mutual aid.",
        subcommands = {ServeCommand.class, GroupCommand.class, MemberCommand.class, TokenCommand.class,
                FollowersCommand.class, QueueCommand.class})
public final class WeftCli implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        return new ServeCommand().call();
    }
}
