package org.weft.server.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.apache.commons.csv.CSVPrinter;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.domain.proposal.OpenProposals;
import org.weft.server.domain.proposal.OpenProposals.Community;
import org.weft.server.domain.proposal.PublicProposal;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.http.ConditionalGet;
import org.weft.server.http.CsvCells;
import org.weft.server.http.HtmlSafeJson;
import org.weft.server.http.HttpReplies;
import org.weft.server.persistence.Database;
import org.weft.web.i18n.Messages;

/**
 * {@code GET /board/{name}/proposals.csv}, {@code proposals.hxl.csv} and {@code proposals.json}: a community's open
 * public proposals (see {@link OpenProposals} for which), whole, newest first, written as they are read so that a
 * large board never sits in memory. The same filters as the feeds ({@code purpose}, {@code category}, {@code area})
 * and {@code lang} for the labels.
 */
public final class OpenDataEndpoint {
    static final String CSV = "text/csv; charset=utf-8; header=present";
    /** U+FEFF, written in UTF-8 as EF BB BF: how Excel on Windows knows a CSV file is UTF-8. */
    static final char BYTE_ORDER_MARK = '\uFEFF';

    private final OpenProposals proposals;
    private final Taxonomy taxonomy;
    private final AreaService areas;
    private final BearerReader bearer;

    /** {@code tokens} and {@code db}: a member's API token lets a tool read the community-only proposals too. */
    public OpenDataEndpoint(OpenProposals proposals, Taxonomy taxonomy, AreaService areas, ApiTokens tokens,
                            Database db) {
        this.proposals = proposals;
        this.taxonomy = taxonomy;
        this.areas = areas;
        this.bearer = new BearerReader(tokens, db);
    }

    public void csv(ServerRequest req, ServerResponse res) {
        table(req, res, false);
    }

    /** The same table with HXL hashtags as its second row, which tools such as the HXL Proxy read. */
    public void hxl(ServerRequest req, ServerResponse res) {
        table(req, res, true);
    }

    private void table(ServerRequest req, ServerResponse res, boolean hxl) {
        Optional<Asked> asked = asked(req, res);
        if (asked.isEmpty()) {
            return;
        }
        Community community = asked.get().community();
        ProposalColumns.Labels labels = new ProposalColumns.Labels(taxonomy, asked.get().request().messages());
        ConditionalGet.Validators validators = asked.get().validators(req, proposals);
        headers(res, CSV, community.name() + (hxl ? "-proposals.hxl.csv" : "-proposals.csv"), asked.get().member());
        if (ConditionalGet.notModified(req, res, validators)) {
            return;
        }
        try (OutputStream out = res.outputStream(); Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CsvCells.FORMAT)) {
            if (asked.get().request().bom()) {
                writer.write(BYTE_ORDER_MARK); // before the header, outside any cell; see DataRequest#bom
            }
            CsvCells.row(printer, ProposalColumns.names());
            if (hxl) {
                CsvCells.row(printer, ProposalColumns.hxlTags());
            }
            proposals.each(community, asked.get().request().filter(), asked.get().member(),
                    batch -> batch.forEach(p -> CsvCells.row(printer, ProposalColumns.cells(p, labels))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"community": …, "items": [ … ]}}, each item with the CSV's columns as fields and its categories as a list. */
    public void json(ServerRequest req, ServerResponse res) {
        Optional<Asked> asked = asked(req, res);
        if (asked.isEmpty()) {
            return;
        }
        Community community = asked.get().community();
        Messages m = asked.get().request().messages();
        ProposalColumns.Labels labels = new ProposalColumns.Labels(taxonomy, m);
        ConditionalGet.Validators validators = asked.get().validators(req, proposals);
        headers(res, "application/json; charset=utf-8", community.name() + "-proposals.json", asked.get().member());
        if (ConditionalGet.notModified(req, res, validators)) {
            return;
        }
        try (OutputStream out = res.outputStream(); Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             JsonGenerator json = HtmlSafeJson.FACTORY.createGenerator(writer)) {
            json.writeStartObject();
            json.writeObjectFieldStart("community");
            json.writeStringField("name", community.name());
            json.writeStringField("displayName", community.displayName());
            json.writeStringField("url", community.uri());
            json.writeEndObject();
            json.writeStringField("language", m.language());
            json.writeArrayFieldStart("items");
            proposals.each(community, asked.get().request().filter(), asked.get().member(),
                    batch -> batch.forEach(p -> item(json, p, labels)));
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void item(JsonGenerator json, PublicProposal p, ProposalColumns.Labels labels) {
        try {
            json.writeStartObject();
            for (ProposalColumns.Column c : ProposalColumns.ALL) {
                if (c.name().equals("categories") || c.name().equals("category_labels")) {
                    continue;
                }
                String value = c.cell().apply(p, labels);
                if (value == null || value.isEmpty()) {
                    json.writeNullField(c.name());
                } else {
                    json.writeStringField(c.name(), value);
                }
            }
            json.writeArrayFieldStart("categories");
            for (Concept concept : labels.concepts(p)) {
                json.writeStartObject();
                json.writeStringField("id", concept.id());
                json.writeStringField("uri", concept.uri());
                json.writeStringField("label", labels.taxonomy().label(concept, labels.messages().language()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The community and the request, or an error answer already sent (empty). */
    private Optional<Asked> asked(ServerRequest req, ServerResponse res) {
        return Asked.read(req, res, proposals, taxonomy, areas, bearer);
    }

    /**
     * Open data is for anyone: any site may read it, and a cache asks again each time (a withdrawn one leaves). What a
     * member's token read is for that member only: no shared cache keeps it, and caches keep the two apart. Without
     * {@code ?lang=} the language comes from {@code Accept-Language}, so caches keep languages apart too. Asking again
     * costs little: {@link ConditionalGet} answers 304 while nothing changed.
     */
    static void headers(ServerResponse res, String contentType, String filename, boolean member) {
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        res.header(HeaderNames.CACHE_CONTROL, member ? "private, no-cache" : "no-cache");
        res.header(HeaderNames.VARY, "Authorization, Accept-Language");
        res.header(HeaderNames.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"");
    }

    /** Sends a refusal as JSON: a stable code and a sentence in the asker's language. */
    static void refuse(ServerResponse res, Status status, String code, String message) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        HttpReplies.error(res, status, code, message);
    }
}
