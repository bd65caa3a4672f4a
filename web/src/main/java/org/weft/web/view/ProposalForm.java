package org.weft.web.view;

import java.util.List;

/**
 * The form for a new offer or request, or for editing one. {@code error} is a message to show above the form
 * (null when none); the option lists carry what was chosen, so a refused form comes back filled in.
 */
public record ProposalForm(String action, boolean editing, String purpose, String title, String description,
                           String quantity, String unit, String until, List<Option> communities, List<Option> categories,
                           List<Option> areas, List<Option> kinds, List<Option> audiences, String error) {
}
