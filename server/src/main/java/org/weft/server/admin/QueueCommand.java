package org.weft.server.admin;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.weft.server.queue.DeliveryQueue;
import org.weft.server.queue.InboundStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft queue show}: how the delivery queue stands and which hosts are backing up; {@code weft queue ignored}:
 * which activities from other servers changed nothing here, and why.
 */
@Command(name = "queue", description = "Inspect work queues.", subcommands = {QueueCommand.Show.class,
        QueueCommand.Ignored.class})
final class QueueCommand {
    @Command(name = "show", description = "Show the delivery queue.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                DeliveryQueue queue = new DeliveryQueue(ctx.db());
                var stats = queue.stats(ctx.clock().instant());
                ctx.out().printf("deliveries: %d pending (%d due now), %d delivered, %d given up%n",
                        stats.pending(), stats.due(), stats.delivered(), stats.gaveUp());
                ctx.out().printf("inbound activities waiting: %d%n", new InboundStore(ctx.db()).countPending());
                var backlog = queue.backlogByHost(20);
                if (!backlog.isEmpty()) {
                    ctx.out().println("pending by host:");
                    backlog.forEach(b -> ctx.out().printf("  %-40s %6d  next %s  attempts up to %d%n",
                            b.host(), b.pending(), b.nextAttempt(), b.maxAttempts()));
                }
                return 0;
            });
        }
    }

    @Command(name = "ignored", description = "List the newest activities from other servers that changed nothing here"
            + " (ignored, with the reason) or failed for good (with the last error).")
    static final class Ignored implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--from", paramLabel = "HOST", description = "Only those whose actor is on this host")
        String fromHost;

        @Option(names = "--limit", defaultValue = "50", description = "How many (default 50)")
        int limit;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                String host = fromHost == null ? null : fromHost.strip().toLowerCase(Locale.ROOT);
                List<InboundStore.Unapplied> rows = new InboundStore(ctx.db()).unapplied(host, Math.max(1, limit));
                if (rows.isEmpty()) {
                    ctx.out().println("no ignored or failed activities" + (host == null ? "" : " from " + host));
                }
                rows.forEach(r -> ctx.out().printf("%s  %-8s %-8s %s%n    %s%n", r.receivedAt(),
                        r.failed() ? "FAILED" : "ignored", r.type(), r.actorUri(), r.reason()));
                return 0;
            });
        }
    }
}
