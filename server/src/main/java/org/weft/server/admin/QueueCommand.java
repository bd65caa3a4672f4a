package org.weft.server.admin;

import java.util.concurrent.Callable;

import org.weft.server.queue.DeliveryQueue;
import org.weft.server.queue.InboundStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code weft queue show}: how the delivery queue stands and which hosts are backing up. */
@Command(name = "queue", description = "Inspect work queues.", subcommands = QueueCommand.Show.class)
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
}
