package org.weft.server.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Where a {@code member} command reads a password from: the first line of a file, standard input, or (for
 * {@code member create}) the terminal. Never an argument, which anyone on the machine could read in the process list.
 */
final class PasswordSource {
    @Option(names = "--password-file", description = "Read the password from the first line of this file")
    Path file;
    @Option(names = "--password-stdin", description = "Read the password from standard input")
    boolean stdin;

    /**
     * Reads the password and hands it to {@code then}; a refusal (both options, no terminal, an unreadable file) exits
     * with {@link OperatorContext#BAD_INPUT} and says why instead.
     *
     * @param askTerminal whether, with neither option, to ask on the terminal; if not, {@code then} gets null
     */
    int readThen(CommandSpec spec, String username, boolean askTerminal, Function<String, Integer> then) {
        String password;
        try {
            password = read(spec, username, askTerminal);
        } catch (IllegalArgumentException e) {
            return OperatorContext.refuse(spec, e.getMessage());
        } catch (IOException e) {
            return OperatorContext.refuse(spec, "Cannot read the password: " + e.getMessage());
        }
        return then.apply(password);
    }

    private String read(CommandSpec spec, String username, boolean askTerminal) throws IOException {
        if (file != null && stdin) {
            throw new IllegalArgumentException("Use --password-file or --password-stdin, not both");
        }
        if (file != null) {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        }
        if (stdin) {
            var in = new BufferedReader(new InputStreamReader(OperatorContext.stdin(spec), StandardCharsets.UTF_8));
            String line = in.readLine();
            return line == null ? "" : line;
        }
        if (!askTerminal) {
            return null;
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
