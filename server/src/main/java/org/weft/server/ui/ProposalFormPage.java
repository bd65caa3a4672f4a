package org.weft.server.ui;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.domain.proposal.ProposalLifecycle;
import org.weft.server.domain.proposal.ProposalRules;
import org.weft.server.domain.proposal.ProposalService;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Audience;
import org.weft.server.model.HelpKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.FormError;
import org.weft.web.view.Option;
import org.weft.web.view.ProposalForm;

/** The guided form for a new offer or request ({@code /new}) and for editing one ({@code /proposals/{id}/edit}). */
public final class ProposalFormPage {
    /** The domain's names of the fields this form has, and the form's own names for them. */
    private static final Map<String, String> FIELDS = Map.of("title", "title", "description", "description",
            "categories", "category", "quantity", "quantity", "unit", "unit", "area", "area", "endsAt", "until",
            "community", "community", "audience", "audience", "kind", "kind");
    private final Pages pages;
    private final Database db;
    private final ProposalService proposals;
    private final Taxonomy taxonomy;
    private final BoardPage board;
    private final ProposalLookup lookup;
    private final AudienceReach reach;

    private final Clock clock;

    public ProposalFormPage(Pages pages, Database db, ProposalService proposals, Taxonomy taxonomy, BoardPage board,
                            ProposalLookup lookup, AudienceReach reach, Clock clock) {
        this.clock = clock;
        this.pages = pages;
        this.db = db;
        this.proposals = proposals;
        this.taxonomy = taxonomy;
        this.board = board;
        this.lookup = lookup;
        this.reach = reach;
    }

    public void newForm(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        Purpose purpose = Purpose.fromWire(req.query().first("purpose").orElse("offer")).orElse(Purpose.OFFER);
        // One community: chosen already. Several: the link may name one (a board's "post here"), else the first.
        // ?category=childcare preselects a category; sensitive help then starts as community only, with the note.
        String category = taxonomy.byId(req.query().first("category").orElse("")).map(c -> c.id()).orElse("");
        boolean sensitive = sensitive(category);
        Values values = new Values(purpose, req.query().first("community").orElse(""), "", "", category, "", "", "", "GIFT",
                purpose == Purpose.OFFER && !sensitive ? "PUBLIC" : "COMMUNITY", "", sensitive ? category : "");
        show(res, Status.OK_200, v, "/new", false, values, null, null);
    }

    public void create(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v) || !knownPurpose(res, v, form, "/new")) {
            return;
        }
        Values values = Values.from(form);
        if (sensitive(values.category()) && !values.category().equals(values.reviewed())) {
            // Sensitive help the author has not seen the defaults of: back to the form once, set to community only,
            // with the safety note; whatever they choose then is published.
            Values safer = values.reviewedAs("PUBLIC".equals(values.audience()) || "ANONYMOUS".equals(values.audience())
                    ? "COMMUNITY" : values.audience());
            String label = taxonomy.byId(values.category()).map(c -> taxonomy.label(c, v.messages().language())).orElse("");
            show(res, Status.OK_200, v, "/new", false, safer, null, v.messages().get("form.sensitiveDefault", label));
            return;
        }
        try {
            // Once per form: a second tap on "Publish" (or a resent form) posts nothing new and lands on the same page.
            pages.once(res, v, form, "/me/proposals", () -> Pages.done(
                    proposals.create(v.username(), draft(values, v.messages().language(), false)).getUri(), "published",
                    "manage"));
        } catch (InvalidInputException | IllegalArgumentException | NotFoundException e) {
            show(res, Status.BAD_REQUEST_400, v, "/new", false, values, formError(v.messages(), e), null);
        }
    }

    public void editForm(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        Optional<Editing> own = db.inTransaction(s -> lookup.find(s, req).filter(p -> p.getAuthor().getId()
                .equals(v.member().get().memberId()) && !p.isHeldByModerator())
                .map(p -> new Editing(p.getStatus(), URI.create(p.getUri()).getPath(), Values.of(p))));
        if (own.isEmpty()) {
            pages.notFound(res, v);
            return;
        }
        try {
            // A closed proposal cannot be changed: say so now rather than after the whole form was filled in again.
            ProposalLifecycle.require(ProposalLifecycle.Action.EDIT, own.get().status());
        } catch (InvalidInputException e) {
            pages.refused(res, Status.CONFLICT_409, v, e, own.get().page());
            return;
        }
        show(res, Status.OK_200, v, req.path().path(), true, own.get().values(), null, null);
    }

    /** The author's own proposal as its edit form needs it: whether it may still change, where it is, what it says. */
    private record Editing(ProposalStatus status, String page, Values values) {
    }

    public void edit(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        // Someone else's proposal, or none: the same 404 whatever the form holds, before the form is read.
        Optional<Long> id = db.inTransaction(s -> lookup.find(s, req).filter(p -> p.getAuthor().getId()
                .equals(v.member().get().memberId()) && !p.isHeldByModerator()).map(ProposalEntity::getId));
        if (id.isEmpty()) {
            pages.notFound(res, v);
            return;
        }
        if (!knownPurpose(res, v, form, req.path().path())) {
            return;
        }
        Values values = Values.from(form);
        try {
            pages.once(res, v, form, req.path().path(), () -> Pages.done(proposals.edit(v.username(),
                    id.orElseThrow(() -> new NotFoundException("missing")), draft(values, null, true)).getUri(), "edited",
                    "manage"));
        } catch (NotFoundException | ForbiddenException e) {
            pages.notFound(res, v);
        } catch (InvalidInputException | IllegalArgumentException e) {
            show(res, Status.BAD_REQUEST_400, v, req.path().path(), true, values, formError(v.messages(), e), null);
        }
    }

    private ProposalDraft draft(Values f, String language, boolean editing) {
        BigDecimal quantity = null;
        if (!f.quantity().isEmpty()) {
            try {
                quantity = new BigDecimal(f.quantity());
            } catch (NumberFormatException e) {
                throw InvalidInputException.field("quantity", "quantity_not_a_number");
            }
        }
        Instant endsAt = null;
        if (!f.until().isEmpty()) {
            try {
                endsAt = LocalDate.parse(f.until()).atTime(23, 59).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw InvalidInputException.field("endsAt", "date_invalid");
            }
        }
        // No choice is refused (the rules' categories_required), not filed under a default category.
        List<String> categories = f.category().isEmpty() ? List.of() : List.of(f.category());
        return ProposalDraft.builder()
                .community(editing ? null : f.community())
                .purpose(f.purpose())
                .title(f.title())
                .description(f.description())
                .language(language)
                .categories(categories)
                .kind(choice(HelpKind.class, "kind", f.kind()))
                .quantity(quantity, quantity == null ? null : f.unit().isEmpty() ? null : f.unit())
                .area(f.area().isEmpty() ? null : f.area())
                .endsAt(endsAt)
                .audience(editing ? null : choice(Audience.class, "audience", f.audience()))
                .build();
    }

    /** A refusal as the form shows it: next to the form field it names, or above the form. */
    private static FormError formError(Messages m, RuntimeException e) {
        String field = Pages.fieldOf(e);
        return new FormError(field == null ? null : FIELDS.getOrDefault(field, null), Pages.explain(m, e));
    }

    private boolean sensitive(String categoryId) {
        return taxonomy.byId(categoryId).map(taxonomy::isSensitive).orElse(false);
    }

    private void show(ServerResponse res, Status status, Visitor v, String action, boolean editing, Values f,
                      FormError error, String notice) {
        Messages m = v.messages();
        List<ActorEntity> groups = db.inTransaction(ActorRepository::localGroups);
        List<Option> communities = groups.stream().map(g -> new Option(g.getUsername(), g.getDisplayName(),
                g.getUsername().equals(f.community()))).toList();
        List<Option> kinds = new ArrayList<>();
        for (HelpKind k : HelpKind.values()) {
            kinds.add(new Option(k.name(), m.get("kind." + k.name().toLowerCase()), k.name().equals(f.kind())));
        }
        List<Option> audiences = new ArrayList<>();
        for (Audience a : Audience.values()) {
            audiences.add(new Option(a.name(), m.get("audience." + a.name().toLowerCase()), a.name().equals(f.audience())));
        }
        List<Option> units = new ArrayList<>();
        units.add(new Option("", m.get("form.noUnit"), f.unit().isEmpty()));
        for (String unit : ProposalRules.UNITS) {
            units.add(new Option(unit, m.get("unit." + unit), unit.equals(f.unit())));
        }
        Map<String, String> reaches = new HashMap<>();
        String community = f.community().isEmpty() && !groups.isEmpty() ? groups.get(0).getUsername() : f.community();
        if (!editing) {
            for (Audience a : Audience.values()) {
                String sentence = reach.sentence(community, a, m);
                reaches.put(a.name(), sentence == null ? "" : sentence);
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        ProposalForm view = new ProposalForm(action, editing, f.purpose().wire(), f.title(), f.description(), f.quantity(),
                units, f.until(), communities, board.categoryGroups(m, f.category()),
                taxonomy.byId(f.category()).isPresent(), board.areaOptions(f.area(), m.get("form.noArea"), m), kinds,
                audiences, error, ProposalRules.MAX_TITLE, ProposalRules.MAX_DESCRIPTION,
                ProposalRules.MAX_QUANTITY.toPlainString(),
                BigDecimal.ONE.movePointLeft(ProposalRules.MAX_DECIMALS).toPlainString(),
                today.toString(), today.plusDays(ProposalRules.MAX_LIFETIME.toDays() - 1).toString(), reaches, notice,
                sensitive(f.category()) ? m.get("safety.note") : null, f.reviewed());
        String title = editing ? m.get("form.editTitle") : m.get("form.newTitle." + f.purpose().wire());
        pages.render(res, status, v, title, "proposal_form.jte", Map.of("form", view));
    }

    /**
     * One of the form's radio buttons. A value it does not offer is refused next to the field, never read as some
     * other choice (a crafted {@code audience=SECRET} must not publish anything). None at all leaves the domain's
     * default, as the API's omitted field does: the form always sends one (a radio button is preselected), and the
     * defaults are the cautious ones (a gift; community only unless the category and purpose say public).
     */
    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field(field, "choice_unknown");
        }
    }

    /**
     * Whether the form's hidden purpose is an offer or a request; else answers 400 with a page saying so and returns
     * false. Missing is refused too: the form always sends it, and guessing would publish a request as an offer.
     */
    private boolean knownPurpose(ServerResponse res, Visitor v, Map<String, List<String>> form, String backUrl) {
        if (Purpose.fromWire(Forms.first(form, "purpose")).isPresent()) {
            return true;
        }
        pages.refused(res, v, InvalidInputException.field("purpose", "choice_unknown"), backUrl);
        return false;
    }

    /** What the form holds, as submitted (all strings, so a refused form comes back exactly as typed). */
    private record Values(Purpose purpose, String community, String title, String description, String category,
                          String quantity, String unit, String area, String kind, String audience, String until,
                          String reviewed) {
        static Values from(Map<String, List<String>> form) {
            // The caller has checked the purpose (knownPurpose).
            return new Values(Purpose.fromWire(Forms.first(form, "purpose")).orElseThrow(),
                    Forms.first(form, "community"), Forms.first(form, "title"), Forms.first(form, "description"),
                    Forms.first(form, "category"), Forms.first(form, "quantity"), Forms.first(form, "unit"),
                    Forms.first(form, "area"), Forms.first(form, "kind"), Forms.first(form, "audience"),
                    Forms.first(form, "until"), Forms.first(form, "reviewed"));
        }

        /** The same form, with the author having seen its category's defaults, and this audience chosen. */
        Values reviewedAs(String newAudience) {
            return new Values(purpose, community, title, description, category, quantity, unit, area, kind, newAudience,
                    until, category);
        }

        static Values of(ProposalEntity p) {
            String category = p.getCategories().isEmpty() ? "" : p.getCategories().get(0);
            int hash = category.lastIndexOf('#');
            return new Values(p.getPurpose(), p.getGroup() == null ? "" : p.getGroup().getUsername(), p.getTitle(),
                    p.getDescription() == null ? "" : p.getDescription(), hash >= 0 ? category.substring(hash + 1) : category,
                    // Stored with three decimals: 2.000 is shown as the author wrote it, 2.
                    p.getQuantity() == null ? "" : p.getQuantity().stripTrailingZeros().toPlainString(),
                    p.getUnit() == null ? "" : p.getUnit(),
                    p.getAreaCode() == null ? "" : p.getAreaCode(), p.getKind().name(), p.getAudience().name(),
                    p.getEndsAt().atZone(ZoneOffset.UTC).toLocalDate().toString(), "");
        }
    }
}
