package org.weft.web.view;

import java.util.List;
import java.util.Map;

/**
 * The form for a new offer or request, or for editing one. {@code error} is a message to show above the form
 * (null when none); the option lists carry what was chosen, so a refused form comes back filled in.
 *
 * @param reach      who each audience reaches, in words with numbers, by audience value (empty when editing)
 * @param notice     why the form came back before publishing (sensitive help set to community only), or null
 * @param safetyNote the safety note for sensitive help, or null when the category is not sensitive
 * @param reviewed   the sensitive category whose defaults the author has seen (sent back with the form), or ""
 */
public record ProposalForm(String action, boolean editing, String purpose, String title, String description,
                           String quantity, String unit, String until, List<Option> communities, List<Option> categories,
                           List<Option> areas, List<Option> kinds, List<Option> audiences, String error,
                           Map<String, String> reach, String notice, String safetyNote, String reviewed) {
}
