package org.weft.server.domain.moderation;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.weft.server.model.DomainNames;
import org.weft.server.model.DomainSeverity;
import org.weft.server.model.ModerationActionKind;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.BlockedDomains;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.DomainBlockEntity;
import org.weft.server.persistence.DomainBlockRepository;

/**
 * Blocks of other servers, as Mastodon's operators know them. Silencing a server holds its new posts for a moderator
 * and keeps all its posts out of matching; suspending it also turns away everything it sends (before a signature is
 * checked), sends it nothing and fetches nothing from it, removes the follows between it and this instance, and hides
 * what is stored from it (its proposals are turned away, its responses hidden). Lifting a suspension does not bring
 * back follows or what was hidden: they start again from nothing, as on Mastodon, whose suspensions delete.
 */
public final class DomainBlocks {
    private final Database db;
    private final ModerationLog log;
    private final BlockedDomains blocked;
    private final LocalUrls urls;
    private final Clock clock;

    public DomainBlocks(Database db, BlockedDomains blocked, LocalUrls urls, Clock clock) {
        this.db = db;
        this.log = new ModerationLog(db);
        this.blocked = blocked;
        this.urls = urls;
        this.clock = clock;
    }

    /** What a block is: the fields of one line of Mastodon's blocklist CSV. */
    public record Block(String domain, DomainSeverity severity, boolean rejectReports, String publicComment,
                        boolean obfuscate) {
        public Block {
            if (severity == null) {
                throw new IllegalArgumentException("A block needs a severity: silence or suspend");
            }
        }
    }

    /** What a block did: whether it was new or changed, and what a suspension removed or hid. */
    public record Outcome(String domain, DomainSeverity severity, boolean created, int followsRemoved, int proposalsHidden,
                          int responsesHidden) {
    }

    /**
     * Blocks a server, or changes its block.
     *
     * @throws IllegalArgumentException when the domain is no server name, or is this instance's own
     */
    public Outcome block(Block block) {
        String domain = normalised(block.domain());
        Outcome outcome = db.inTransaction(s -> {
            Instant now = clock.instant();
            Optional<DomainBlockEntity> existing = DomainBlockRepository.byDomain(s, domain);
            DomainBlockEntity row = existing.orElseGet(() -> new DomainBlockEntity(domain, now));
            row.set(block.severity(), block.rejectReports(), block.publicComment(), block.obfuscate(), now);
            if (existing.isEmpty()) {
                s.persist(row);
            }
            // Logged for every community (an operator's decision; the command line names no moderator).
            log.record(s, null, block.severity() == DomainSeverity.SUSPEND ? ModerationActionKind.DOMAIN_SUSPENDED
                    : ModerationActionKind.DOMAIN_SILENCED, domain, row.getPublicComment(), null, now);
            if (block.severity() != DomainSeverity.SUSPEND) {
                return new Outcome(domain, block.severity(), existing.isEmpty(), 0, 0, 0);
            }
            return new Outcome(domain, block.severity(), existing.isEmpty(), DomainBlockRepository.deleteFollowsWith(s, domain),
                    DomainBlockRepository.hideProposalsFrom(s, domain, now),
                    DomainBlockRepository.hideResponsesFrom(s, domain, now));
        });
        blocked.reload();
        return outcome;
    }

    /** Lifts the block of a server; returns whether there was one. */
    public boolean unblock(String domain) {
        String name = normalised(domain);
        boolean removed = db.inTransaction(s -> {
            Optional<DomainBlockEntity> row = DomainBlockRepository.byDomain(s, name);
            row.ifPresent(r -> {
                s.remove(r);
                log.record(s, null, ModerationActionKind.DOMAIN_UNBLOCKED, name, null, null, clock.instant());
            });
            return row.isPresent();
        });
        blocked.reload();
        return removed;
    }

    /** What an import did: the blocks applied, the lines refused (by line number), the lines skipped. */
    public record ImportReport(List<Outcome> applied, List<BlocklistCsv.BadLine> bad, int skipped) {
    }

    /**
     * Applies a blocklist in Mastodon's CSV shape ({@link BlocklistCsv}): every good line is applied (a domain already
     * blocked takes the line's severity and comment), every bad one is reported with its line number.
     */
    public ImportReport importCsv(Reader in) {
        BlocklistCsv.Parsed parsed = BlocklistCsv.read(in);
        List<Outcome> applied = new ArrayList<>();
        List<BlocklistCsv.BadLine> bad = new ArrayList<>(parsed.bad());
        for (BlocklistCsv.Line line : parsed.blocks()) {
            try {
                applied.add(block(line.block()));
            } catch (IllegalArgumentException e) {
                bad.add(new BlocklistCsv.BadLine(line.line(), e.getMessage()));
            }
        }
        bad.sort(Comparator.comparingLong(BlocklistCsv.BadLine::line));
        return new ImportReport(applied, bad, parsed.skipped());
    }

    /** Writes every block as Mastodon's admin pages export them. */
    public void exportCsv(Appendable out) {
        BlocklistCsv.write(list(), out);
    }

    /** Every block, by domain name. */
    public List<DomainBlockEntity> list() {
        return db.inTransaction(DomainBlockRepository::all);
    }

    private String normalised(String domain) {
        String name = DomainNames.normalise(domain)
                .orElseThrow(() -> new IllegalArgumentException("'" + domain + "' is not a server name"));
        if (DomainNames.coveringNames(urls.domain()).contains(name)) {
            throw new IllegalArgumentException(name + " is this server's own name (or covers it)");
        }
        return name;
    }
}
