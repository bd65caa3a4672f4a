package org.weft.web.view;

import java.util.List;
import java.util.Map;

/**
 * The form for a new offer or request, or for editing one. {@code error} says what was refused and next to which field
 * (null when nothing was); the option lists carry what was chosen, so a refused form comes back filled in. The limits
 * are the rules' own, so the browser refuses what the server would.
 *
 * @param minUntil   the first day an end date may be ({@code yyyy-mm-dd}); {@code maxUntil} the last
 * @param reach      who each audience reaches, in words with numbers, by audience value (empty when editing)
 * @param notice     why the form came back before publishing (sensitive help set to community only), or null
 * @param safetyNote the safety note for sensitive help, or null when the category is not sensitive
 * @param reviewed   the sensitive category whose defaults the author has seen (sent back with the form), or ""
 */
public record ProposalForm(String action, boolean editing, String purpose, String title, String description,
                           String quantity, List<Option> units, String until, List<Option> communities,
                           List<OptionGroup> categories, boolean categoryChosen, List<Option> areas, List<Option> kinds,
                           List<Option> audiences, FormError error, int maxTitle, int maxDescription, String maxQuantity,
                           String quantityStep, String minUntil, String maxUntil, Map<String, String> reach,
                           String notice, String safetyNote, String reviewed) {
}
