package org.weft.server.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.retention.StorageReport;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.StorageView;

/**
 * {@code /admin/storage}: how big the database is, how fast it grows, the work waiting and the last prune (docs/operating.md,
 * "Capacity and retention"). Operators only. Its own page, so the operator's main page stays light.
 */
public final class StoragePage {
    private static final double MEGABYTE = 1_000_000.0;

    private final Pages pages;
    private final StorageReport report;

    public StoragePage(Pages pages, StorageReport report) {
        this.pages = pages;
        this.report = report;
    }

    public void render(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        if (!v.admin()) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "error.forbidden");
            return;
        }
        Messages m = v.messages();
        StorageReport.Overview o = report.overview();
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(m.formatLocale())
                .withDecimalStyle(DecimalStyle.of(m.formatLocale()));
        StorageView view = new StorageView(
                m.get("storage.megabytes", o.databaseBytes() / MEGABYTE),
                o.bytesPerDay().isPresent() ? m.get("storage.megabytes", o.bytesPerDay().getAsLong() / MEGABYTE)
                        : m.get("storage.growthUnknown"),
                m.number(o.inboundBacklog()), m.number(o.pendingDeliveries()),
                o.lastPrune().map(p -> m.get("storage.lastPruneValue", m.date(p.at()),
                        time.format(p.at().atZone(ZoneOffset.UTC)), m.number(p.rows()))).orElse(m.get("storage.never")));
        pages.render(res, Status.OK_200, v, m.get("storage.title"), "storage.jte", Map.of("s", view));
    }
}
