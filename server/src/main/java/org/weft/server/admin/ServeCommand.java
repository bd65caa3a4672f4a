package org.weft.server.admin;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the server until the process is stopped ({@code Main} starts it without parsing, through {@link Serving}). */
@Command(name = "serve", description = "Run the server (the default command).")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return Serving.serve(OperatorContext.server(spec), OperatorContext.environment(spec));
    }
}
