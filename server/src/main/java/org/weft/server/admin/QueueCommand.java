package org.weft.server.admin;

import java.util.concurrent.Callable;

import org.weft.server.queue.DeliveryQueue;
import org.weft.server.queue.InboundStore;
import picocli.CommandLine.Command;

/** {@code weft queue show}: how the delivery queue stands and which hosts are backing up. */
@Command(name = "queue", description = "Inspect work queues.", subcommands = QueueCommand.Show.class)
final class QueueCommand {
    @Command(name = "show", description = "Show the delivery queue.")
    static final class Show implements Callable<Integer> {
        @Override
        public Integer call() {
            try (OperatorContext ctx = OperatorContext.open()) {
                DeliveryQueue queue = new DeliveryQueue(ctx.db());
                var stats = queue.stats(ctx.clock().instant());
                System.out.printf("deliveries: %d pending (%d due now), %d delivered, %d given up%n",
                        stats.pending(), stats.due(), stats.delivered(), stats.gaveUp());
                System.out.printf("inbound activities waiting: %d%n", new InboundStore(ctx.db()).countPending());
                var backlog = queue.backlogByHost(20);
                if (!backlog.isEmpty()) {
                    System.out.println("pending by host:");
                    backlog.forEach(b -> System.out.printf("  %-40s %6d  next %s  attempts up to %d%n",
                            b.host(), b.pending(), b.nextAttempt(), b.maxAttempts()));
                }
                return 0;
            }
        }
    }
}
