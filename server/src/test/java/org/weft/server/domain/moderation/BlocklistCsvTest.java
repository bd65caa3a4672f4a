package org.weft.server.domain.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.weft.server.model.DomainSeverity;

/**
 * Mastodon's domain blocklist CSV, read as Mastodon's admin import reads it: the test file holds 200 blocks (150
 * silenced, 50 suspended, a quoted comment with a comma, one across two lines), comments, a blank line, a noop line
 * and four bad lines, whose line numbers are reported.
 */
class BlocklistCsvTest {

    @Test
    void readsTheTwoHundredBlocksAndNamesTheBadLines() throws IOException {
        BlocklistCsv.Parsed parsed = BlocklistCsv.read(new StringReader(file()));

        assertEquals(200, parsed.blocks().size());
        assertEquals(50, parsed.blocks().stream().filter(l -> l.block().severity() == DomainSeverity.SUSPEND).count());
        assertEquals(List.of(65L, 96L, 127L, 179L), parsed.bad().stream().map(BlocklistCsv.BadLine::line).toList());
        assertTrue(parsed.bad().get(0).reason().contains("'not a domain!' is not a server name"), parsed.bad().get(0).reason());
        assertTrue(parsed.bad().get(1).reason().contains("destroy"), parsed.bad().get(1).reason());
        assertTrue(parsed.bad().get(2).reason().contains("reject_reports is 'maybe'"), parsed.bad().get(2).reason());
        assertEquals(4, parsed.skipped(), "two comments, a blank line and a noop");

        DomainBlocks.Block multiLine = parsed.blocks().stream().filter(l -> l.block().domain().equals("harass042.example.net"))
                .findFirst().orElseThrow().block();
        assertEquals("Multi-line reason:\nthey asked for money in advance", multiLine.publicComment());
        DomainBlocks.Block withComma = parsed.blocks().stream().filter(l -> l.block().domain().equals("spam007.example"))
                .findFirst().orElseThrow().block();
        assertEquals("Spam, scams and harassment", withComma.publicComment());
        assertTrue(parsed.blocks().stream().filter(l -> l.block().domain().equals("spam020.example")).findFirst()
                .orElseThrow().block().rejectReports());
        assertEquals(48, parsed.blocks().stream().filter(l -> l.block().domain().equals("harass045.example.net"))
                .findFirst().orElseThrow().line(), "line numbers count the physical lines, a quoted line break too");
    }

    @Test
    void aListWithoutHeaderSuspendsEachDomainAsMastodonDoes() {
        BlocklistCsv.Parsed parsed = BlocklistCsv.read(new StringReader("Spam.Example\n*.harass.example.\nbücher.example\n"));

        assertEquals(List.of("spam.example", "harass.example", "xn--bcher-kva.example"),
                parsed.blocks().stream().map(l -> l.block().domain()).toList());
        assertTrue(parsed.blocks().stream().allMatch(l -> l.block().severity() == DomainSeverity.SUSPEND));
        assertTrue(parsed.bad().isEmpty());
    }

    @Test
    void anUnclosedQuoteIsReportedAndTheLinesBeforeItCount() {
        BlocklistCsv.Parsed parsed = BlocklistCsv.read(new StringReader(
                "#domain,#severity\nok.example,silence\nbroken.example,\"silence\n"));

        assertEquals(1, parsed.blocks().size());
        assertEquals(1, parsed.bad().size());
        assertEquals(3, parsed.bad().get(0).line());
    }

    private static String file() throws IOException {
        try (InputStream in = BlocklistCsvTest.class.getResourceAsStream("/moderation/mastodon-blocklist-200.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
