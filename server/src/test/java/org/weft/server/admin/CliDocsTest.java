package org.weft.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The commands operators read about — the table in docs/operating.md and the usage text of the {@code ./weft}
 * launcher — are the commands and options the CLI really has, and every real command is documented.
 */
class CliDocsTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern TABLE_COMMAND = Pattern.compile("^\\| `([^`]+)` \\|");
    /** Words of the CLI: lowercase command names and {@code --options}; placeholders are upper case. */
    private static final Pattern COMMAND_WORD = Pattern.compile("[a-z][a-z-]*|--[a-z-]+");

    @Test
    void theOperatingGuideTableMatchesTheCli() throws IOException {
        List<String> documented = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(REPOSITORY.resolve("docs/operating.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Command line");
            }
            Matcher m = TABLE_COMMAND.matcher(line);
            if (inSection && m.find()) {
                documented.add(m.group(1));
            }
        }
        assertDocumentedExactly(documented, "docs/operating.md");
    }

    @Test
    void theLauncherUsageMatchesTheCli() throws IOException {
        String script = Files.readString(REPOSITORY.resolve("weft"), StandardCharsets.UTF_8);
        String usage = script.substring(script.indexOf("Usage: ./weft"), script.indexOf("<command> --help"));
        List<String> documented = new ArrayList<>();
        for (String line : usage.split("\n")) {
            String text = line.strip();
            // Server commands in the usage text, after the launcher's own (demo, test, build, jdk).
            if (text.matches("(serve|group|member|invite|token|area|followers|queue|board|link|moderator|storage|domain|report)"
                    + "\\b.*")) {
                documented.add(text.replaceAll("\\s{2,}.*", ""));
            }
        }
        assertDocumentedExactly(documented, "./weft usage");
    }

    private static void assertDocumentedExactly(List<String> documented, String where) {
        CommandLine cli = new CommandLine(new WeftCli(ServerStarter.NONE));
        Set<String> seen = new TreeSet<>();
        for (String entry : documented) {
            CommandLine command = cli;
            List<String> path = new ArrayList<>();
            for (String word : entry.split("[\\s|]+")) {
                if (!COMMAND_WORD.matcher(word).matches()) {
                    continue;
                }
                if (word.startsWith("--")) {
                    assertNotNull(command.getCommandSpec().findOption(word),
                            where + ": '" + String.join(" ", path) + "' has no option " + word);
                } else {
                    command = command.getSubcommands().get(word);
                    path.add(word);
                    assertNotNull(command, where + ": no command '" + String.join(" ", path) + "'");
                }
            }
            assertTrue(command.getSubcommands().isEmpty(), where + ": '" + entry + "' is not a complete command");
            seen.add(String.join(" ", path));
        }
        assertEquals(leafCommands(cli, ""), seen, where + " lists every command, and only those");
    }

    private static Set<String> leafCommands(CommandLine command, String prefix) {
        Set<String> leaves = new TreeSet<>();
        command.getSubcommands().forEach((name, sub) -> {
            String path = prefix.isEmpty() ? name : prefix + " " + name;
            if (sub.getSubcommands().isEmpty()) {
                leaves.add(path);
            } else {
                leaves.addAll(leafCommands(sub, path));
            }
        });
        return leaves;
    }
}
