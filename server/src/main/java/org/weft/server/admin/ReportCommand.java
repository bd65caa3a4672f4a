package org.weft.server.admin;

import java.util.List;
import java.util.concurrent.Callable;

import org.weft.server.domain.moderation.AccountBlocks;
import org.weft.server.domain.moderation.DomainBlocks;
import org.weft.server.domain.moderation.ModerationLog;
import org.weft.server.domain.moderation.Reports;
import org.weft.server.domain.proposal.ProposalListener;
import org.weft.server.persistence.BlockedDomains;
import org.weft.server.persistence.ReportEntity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft report list}: the reports, newest first, with their state, the community they are for (or
 * {@code operators}), the reported account and whether they came from a member or another server. Who reported is not
 * printed: the moderators' queue page shows a member's name, to those who handle the report.
 */
@Command(name = "report", description = "Reports from members and other servers.",
        subcommands = {ReportCommand.ListReports.class})
final class ReportCommand {

    @Command(name = "list", description = "List reports, newest first.")
    static final class ListReports implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--limit", defaultValue = "100", description = "How many (default 100)")
        int limit;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                ModerationLog log = new ModerationLog(ctx.db());
                DomainBlocks domains = new DomainBlocks(ctx.db(), BlockedDomains.NONE, ctx.urls(), ctx.clock());
                // Listing only: nothing here sends, so the account blocks need no remote look-up or outbox.
                Reports reports = new Reports(ctx.db(), new AccountBlocks(ctx.db(), null, null, log, ctx.clock()), domains,
                        log, null, null, ProposalListener.NONE, ctx.clock());
                List<ReportEntity> all = reports.all(Math.max(1, limit));
                ctx.out().printf("%d report(s)%n", all.size());
                for (ReportEntity r : all) {
                    ctx.out().printf("%d\t%s\t%s\t%s\t%s\t%s\t%s%n", r.getId(), r.getState(), r.getCreatedAt(),
                            r.getCommunity() == null ? "operators" : r.getCommunity().getUsername(), r.getAccount().getUri(),
                            r.getReporterId() != null ? "member" : "server " + BlockedDomains.hostOf(r.getReporterUri()),
                            r.getComment() == null ? "" : r.getComment().replace('\n', ' '));
                }
                return 0;
            });
        }
    }
}
