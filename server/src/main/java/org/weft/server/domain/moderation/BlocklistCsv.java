package org.weft.server.domain.moderation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.weft.server.model.DomainNames;
import org.weft.server.model.DomainSeverity;
import org.weft.server.persistence.DomainBlockEntity;

/**
 * The domain blocklist CSV that Mastodon's admin pages export and import:
 * {@code #domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate}, one block per line (a public
 * comment may be quoted, with commas or line breaks in it). Read leniently, as Mastodon does: the header may be
 * missing (then the columns are in that order, and a line with only a domain suspends it), other lines starting with
 * {@code #} are comments, blank lines and {@code noop} lines are skipped. Every other line that cannot be used is
 * reported with its line number, and the others still count.
 */
public final class BlocklistCsv {
    public static final List<String> COLUMNS = List.of("#domain", "#severity", "#reject_media", "#reject_reports",
            "#public_comment", "#obfuscate");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();

    private BlocklistCsv() {
    }

    /** A line that could not be used: its first line number in the file and why. */
    public record BadLine(long line, String reason) {
    }

    /** A block read from the line numbered {@code line}. */
    public record Line(long line, DomainBlocks.Block block) {
    }

    /** What a file holds: the blocks to apply, in file order, the lines refused, and how many lines were skipped. */
    public record Parsed(List<Line> blocks, List<BadLine> bad, int skipped) {
    }

    /** Reads a whole file; only an unreadable stream or broken quoting throws (the line is named). */
    public static Parsed read(Reader in) {
        List<Line> blocks = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        int skipped = 0;
        Map<String, Integer> columns = null;
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            long line = 1;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    bad.add(new BadLine(line, "unreadable from here on (unclosed quote?): " + e.getMessage()));
                    break;
                }
                long first = line;
                line = parser.getCurrentLineNumber() + 1;
                String head = record.get(0);
                if (columns == null && blocks.isEmpty() && bad.isEmpty() && head.equalsIgnoreCase("#domain")) {
                    columns = header(record);
                    continue;
                }
                if (record.size() == 1 && head.isEmpty() || head.startsWith("#")) {
                    skipped++;
                    continue;
                }
                try {
                    Optional<DomainBlocks.Block> block = block(record, columns == null ? positional() : columns);
                    if (block.isPresent()) {
                        blocks.add(new Line(first, block.get()));
                    } else {
                        skipped++;
                    }
                } catch (IllegalArgumentException e) {
                    bad.add(new BadLine(first, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(blocks, bad, skipped);
    }

    /** Writes blocks in Mastodon's export shape (what {@link #read} reads back the same). */
    public static void write(List<DomainBlockEntity> blocks, Appendable out) {
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(COLUMNS);
            for (DomainBlockEntity b : blocks) {
                printer.printRecord(b.getDomain(), b.getSeverity().wire(), "false", b.isRejectReports(),
                        b.getPublicComment() == null ? "" : b.getPublicComment(), b.isObfuscate());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> header(CSVRecord record) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            columns.putIfAbsent(record.get(i).toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }

    private static Map<String, Integer> positional() {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            columns.put(COLUMNS.get(i), i);
        }
        return columns;
    }

    /** The block on one line; empty for a {@code noop} line; throws with the reason for a bad one. */
    private static Optional<DomainBlocks.Block> block(CSVRecord record, Map<String, Integer> columns) {
        String rawDomain = field(record, columns, "#domain");
        String domain = DomainNames.normalise(rawDomain)
                .orElseThrow(() -> new IllegalArgumentException("'" + rawDomain + "' is not a server name"));
        String rawSeverity = field(record, columns, "#severity");
        if (rawSeverity.equalsIgnoreCase("noop")) {
            return Optional.empty();
        }
        DomainSeverity severity = rawSeverity.isEmpty() ? DomainSeverity.SUSPEND : DomainSeverity.fromWire(rawSeverity)
                .orElseThrow(() -> new IllegalArgumentException("severity '" + rawSeverity
                        + "' is none of silence, suspend, noop"));
        return Optional.of(new DomainBlocks.Block(domain, severity, bool(record, columns, "#reject_reports"),
                field(record, columns, "#public_comment"), bool(record, columns, "#obfuscate")));
    }

    private static String field(CSVRecord record, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= record.size() ? "" : record.get(i);
    }

    private static boolean bool(CSVRecord record, Map<String, Integer> columns, String name) {
        String value = field(record, columns, name).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "false", "0" -> false;
            case "true", "1" -> true;
            default -> throw new IllegalArgumentException(name.substring(1) + " is '" + value + "', not true or false");
        };
    }
}
