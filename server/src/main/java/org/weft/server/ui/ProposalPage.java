package org.weft.server.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.LocalUrls;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.proposal.Audience;
import org.weft.server.proposal.ProposalStatus;
import org.weft.server.taxonomy.Taxonomy;
import org.weft.web.i18n.Messages;
import org.weft.web.view.ProposalView;

/** The HTML page of a proposal, at the same URL as its ActivityPub id. */
public final class ProposalPage {
    private final Templates templates;
    private final Taxonomy taxonomy;
    private final LocalUrls urls;

    public ProposalPage(Templates templates, Taxonomy taxonomy, LocalUrls urls) {
        this.templates = templates;
        this.taxonomy = taxonomy;
        this.urls = urls;
    }

    /** Renders; {@code publicResponses} are the answers anyone may see. Call inside the loading transaction. */
    public void render(ServerResponse res, ProposalEntity p, List<ResponseEntity> publicResponses) {
        Messages m = Messages.forLanguage(p.getLanguage());
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(m.locale());
        String author = p.getAudience() == Audience.PUBLIC ? p.getAuthor().getDisplayName() : p.getAttributedTo().getDisplayName();
        ProposalView view = new ProposalView(m.language(), m.isRightToLeft(),
                m.get("wire.purpose." + p.getPurpose().wire()), m.get("wire.status." + p.getStatus().wire()),
                p.getStatus() == ProposalStatus.OPEN, p.getTitle(), paragraphs(p.getDescription()),
                p.getCategories().stream().map(taxonomy::byUri).flatMap(java.util.Optional::stream)
                        .map(c -> taxonomy.label(c, m.language())).toList(),
                p.getAreaName(), date.format(p.getEndsAt().atZone(ZoneOffset.UTC)), author,
                p.getGroup() == null ? "" : p.getGroup().getDisplayName(),
                p.getGroup() == null ? "" : "@" + p.getGroup().getUsername() + "@" + urls.domain(),
                p.getUri(),
                publicResponses.stream().map(r -> new ProposalView.ResponseView(r.getResponder().getDisplayName(),
                        org.weft.activitypub.content.HtmlSanitizer.toPlainText(r.getContent()),
                        date.format(r.getCreatedAt().atZone(ZoneOffset.UTC)))).toList());
        templates.render(res, "proposal.jte", Map.of("p", view));
    }

    private static List<String> paragraphs(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.strip().split("\\R\\s*\\R")).map(String::strip).toList();
    }
}
