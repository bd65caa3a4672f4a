package org.weft.server.ui;

import java.util.List;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.DomainException;
import org.weft.server.ui.auth.Visitor;

/**
 * What the operator's sections share: only operators in (visitors to the login page, members a 403 page), forms
 * that change things once and come back to their own section with a notice, and refusals shown next to their form.
 */
final class OperatorForms {
    private final Pages pages;

    OperatorForms(Pages pages) {
        this.pages = pages;
    }

    Pages pages() {
        return pages;
    }

    /** A change made by a form: returns where to go next (its section, with the notice). */
    interface Change {
        String apply(Visitor v, Map<String, List<String>> form);
    }

    /** Shows the section again with the refusal next to the form (status 400). */
    interface Refusal {
        void show(Visitor v, Map<String, List<String>> form, RuntimeException e);
    }

    /** A form of an operator section: checked, made once, back to its section; a refusal shown by {@code refusal}. */
    void post(ServerRequest req, ServerResponse res, String section, Change change, Refusal refusal) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || refused(res, v)) {
            return;
        }
        post(res, v, form, section, change, refusal);
    }

    /** As above, for a form already read and checked (one that came back from its confirmation page). */
    void post(ServerResponse res, Visitor v, Map<String, List<String>> form, String section, Change change,
              Refusal refusal) {
        try {
            pages.once(res, v, form, section, () -> change.apply(v, form));
        } catch (DomainException | IllegalArgumentException e) {
            refusal.show(v, form, e);
        }
    }

    /** Not an operator: logged-out visitors go to the login page, members get a 403 page. */
    boolean refused(ServerResponse res, Visitor v) {
        if (!Pages.requireMember(res, v)) {
            return true;
        }
        if (!v.admin()) {
            pages.forbidden(res, v);
            return true;
        }
        return false;
    }

    static Status status(RuntimeException e) {
        return e == null ? Status.OK_200 : Status.BAD_REQUEST_400;
    }
}
