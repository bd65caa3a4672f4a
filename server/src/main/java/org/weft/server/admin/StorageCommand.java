package org.weft.server.admin;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import org.weft.server.domain.retention.Pruner;
import org.weft.server.domain.retention.StorageReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code weft storage show | prune}: how big each table is and how fast it grows; prune now. {@code weft storage}
 * alone shows.
 */
@Command(name = "storage", description = "Database size and retention (alone: the same as 'storage show').",
        subcommands = {StorageCommand.Show.class, StorageCommand.Prune.class})
final class StorageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Show show = new Show();
        show.spec = spec;
        return show.call();
    }

    @Command(name = "show", description = "Show each table's rows, bytes and growth per day, the backlogs and the last prune.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                StorageReport report = new StorageReport(ctx.db(), ctx.clock());
                StorageReport.Overview overview = report.overview();
                ctx.out().printf("database: %s; growth: %s%n", bytes(overview.databaseBytes()),
                        overview.bytesPerDay().isPresent() ? growth(overview.bytesPerDay()) + " a day"
                                : "not known yet (the pruner samples sizes once a day; the first sample must be an hour old)");
                ctx.out().printf("inbound activities waiting: %d; deliveries pending: %d%n", overview.inboundBacklog(),
                        overview.pendingDeliveries());
                ctx.out().println(overview.lastPrune().map(p -> "last prune: " + p.at() + ", " + p.rows() + " rows removed")
                        .orElse("last prune: never"));
                ctx.out().printf("%-28s %12s %12s %14s%n", "table", "rows", "bytes", "growth a day");
                for (StorageReport.Table t : report.tables()) {
                    ctx.out().printf("%-28s %12d %12s %14s%n", t.name(), t.rows(), bytes(t.bytes()), growth(t.bytesPerDay()));
                }
                return 0;
            });
        }
    }

    @Command(name = "prune", description = "Run the retention rules now (as the server does on its schedule).")
    static final class Prune implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                try (Pruner pruner = Pruner.standard(ctx.db(), ctx.config().retention(), ctx.clock())) {
                    Pruner.Report report = pruner.runOnce();
                    report.pruned().forEach((rule, count) -> ctx.out().printf("%-40s %8d%n", rule, count));
                    ctx.out().printf("removed %d rows in %d ms%n", report.total(), report.took().toMillis());
                }
                return 0;
            });
        }
    }

    static String bytes(long bytes) {
        if (Math.abs(bytes) < 1024) {
            return bytes + " B";
        }
        if (Math.abs(bytes) < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (Math.abs(bytes) < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static String growth(OptionalLong perDay) {
        if (perDay.isEmpty()) {
            return "unknown";
        }
        return (perDay.getAsLong() >= 0 ? "+" : "-") + bytes(Math.abs(perDay.getAsLong()));
    }
}
