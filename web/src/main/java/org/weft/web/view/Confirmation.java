package org.weft.web.view;

import java.util.List;

/**
 * The page that asks before something that cannot be undone (withdraw, delete, decline, remove), without
 * JavaScript: the same form again with {@code confirm=yes}, and a way to keep things as they are.
 *
 * @param subject     what the action is about, as its owner wrote it (a proposal's title), or null
 * @param subjectLang the language of {@code subject}, or null when unknown
 * @param fields      the form's own fields, sent again as they were
 */
public record Confirmation(String subject, String subjectLang, String explanation, String action, List<Field> fields,
                           String confirmLabel, String cancelUrl) {
    public Confirmation {
        fields = List.copyOf(fields);
    }

    /** A hidden field of the form. */
    public record Field(String name, String value) {
    }
}
