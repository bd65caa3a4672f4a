package org.weft.web.view;

import java.util.List;

/**
 * A labelled group of choices in a select list ({@code <optgroup>}): a top category and the ones under it, so that
 * the options themselves need no indenting prefix and typing a letter finds them.
 */
public record OptionGroup(String label, List<Option> options) {
    public OptionGroup {
        options = List.copyOf(options);
    }
}
