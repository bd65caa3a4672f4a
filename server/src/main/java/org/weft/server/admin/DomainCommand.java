package org.weft.server.admin;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.weft.server.domain.moderation.BlocklistCsv;
import org.weft.server.domain.moderation.DomainBlocks;
import org.weft.server.model.DomainSeverity;
import org.weft.server.persistence.BlockedDomains;
import org.weft.server.persistence.DomainBlockEntity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft domain block|unblock|list|import|export}: blocks of other servers, with Mastodon's severities, and
 * Mastodon's blocklist CSV so an operator can adopt a shared list. A running server hears of changes made here
 * within half a minute.
 */
@Command(name = "domain", description = "Block other servers (silence or suspend), import or export a blocklist.",
        subcommands = {DomainCommand.Block.class, DomainCommand.Unblock.class, DomainCommand.ListBlocks.class,
                DomainCommand.Import.class, DomainCommand.Export.class})
final class DomainCommand {

    private static DomainBlocks blocks(OperatorContext ctx) {
        // The command changes the database only: the running server reloads its blocks from there.
        return new DomainBlocks(ctx.db(), BlockedDomains.NONE, ctx.urls(), ctx.clock());
    }

    @Command(name = "block", description = "Block DOMAIN and its subdomains (silence: posts wait for a moderator and"
            + " never match; suspend: nothing accepted from it or sent to it, follows removed, its posts hidden).")
    static final class Block implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "The server's name, e.g. spam.example")
        String domain;
        @Option(names = "--severity", defaultValue = "silence", description = "silence (default) or suspend")
        String severity;
        @Option(names = "--reason", description = "The public reason, shown in the moderation log")
        String reason;
        @Option(names = "--reject-reports", description = "Also ignore reports (Flag) from it")
        boolean rejectReports;

        @Override
        public Integer call() {
            DomainSeverity level = DomainSeverity.fromWire(severity).orElse(null);
            if (level == null) {
                return OperatorContext.refuse(spec, "--severity is '" + severity + "': use silence or suspend");
            }
            return OperatorContext.run(spec, ctx -> {
                DomainBlocks.Outcome o = blocks(ctx).block(new DomainBlocks.Block(domain, level, rejectReports, reason, false));
                ctx.out().printf("%s %s %s%n", o.created() ? "Blocked" : "Changed the block of", o.domain(), level.wire());
                if (level == DomainSeverity.SUSPEND) {
                    ctx.out().printf("Removed %d follow(s), hid %d proposal(s) and %d response(s)%n", o.followsRemoved(),
                            o.proposalsHidden(), o.responsesHidden());
                }
                return 0;
            });
        }
    }

    @Command(name = "unblock", description = "Lift the block of DOMAIN (what a suspension hid stays hidden).")
    static final class Unblock implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "The server's name")
        String domain;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                if (!blocks(ctx).unblock(domain)) {
                    return OperatorContext.refuse(spec, domain + " is not blocked");
                }
                ctx.out().printf("Unblocked %s%n", domain);
                return 0;
            });
        }
    }

    @Command(name = "list", description = "List the blocked servers.")
    static final class ListBlocks implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                List<DomainBlockEntity> all = blocks(ctx).list();
                ctx.out().printf("%d blocked server(s)%n", all.size());
                for (DomainBlockEntity b : all) {
                    ctx.out().printf("%s\t%s\t%s%n", b.getDomain(), b.getSeverity().wire(),
                            b.getPublicComment() == null ? "" : b.getPublicComment());
                }
                return 0;
            });
        }
    }

    @Command(name = "import", description = "Apply a blocklist in Mastodon's CSV shape (FILE, or - for standard input);"
            + " bad lines are reported by number and the good ones applied.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "The CSV file, or - for standard input")
        String file;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                DomainBlocks.ImportReport report;
                try (Reader in = file.equals("-")
                        ? new InputStreamReader(OperatorContext.stdin(spec), StandardCharsets.UTF_8)
                        : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                    report = blocks(ctx).importCsv(in);
                } catch (IOException e) {
                    return OperatorContext.refuse(spec, "Cannot read " + file + ": " + e.getMessage());
                }
                for (BlocklistCsv.BadLine bad : report.bad()) {
                    spec.commandLine().getErr().printf("weft: line %d: %s%n", bad.line(), bad.reason());
                }
                ctx.out().printf("Applied %d block(s); %d line(s) refused, %d skipped%n", report.applied().size(),
                        report.bad().size(), report.skipped());
                return report.bad().isEmpty() ? 0 : OperatorContext.BAD_INPUT;
            });
        }
    }

    @Command(name = "export", description = "Write the blocks in Mastodon's CSV shape (to FILE, or standard output).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", description = "The file to write (standard output without one)")
        String file;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                if (file == null) {
                    blocks(ctx).exportCsv(ctx.out());
                    ctx.out().flush();
                    return 0;
                }
                StringBuilder csv = new StringBuilder();
                blocks(ctx).exportCsv(csv);
                try {
                    Files.writeString(Path.of(file), csv, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                ctx.out().printf("Wrote %s%n", file);
                return 0;
            });
        }
    }
}
