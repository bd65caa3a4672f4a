package org.weft.server.domain.poll;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.weft.server.domain.InvalidInputException;

/**
 * Which options a member's vote picks, the same for a poll here and one on another server: at least one, only one in a
 * single-choice poll, each an option the poll has; the same position twice counts once.
 */
final class Ballot {
    private Ballot() {
    }

    /**
     * The options at {@code positions} (from 0), in the order given.
     *
     * @throws InvalidInputException no option, several in a single-choice poll, or one the poll does not have
     */
    static <T> List<T> pick(List<T> options, boolean multiple, List<Integer> positions) {
        Set<Integer> chosen = new LinkedHashSet<>(positions == null ? List.of() : positions);
        if (chosen.isEmpty()) {
            throw InvalidInputException.field("choices", "poll_choice_missing");
        }
        if (!multiple && chosen.size() > 1) {
            throw InvalidInputException.field("choices", "poll_one_choice");
        }
        List<T> picked = new ArrayList<>();
        for (int position : chosen) {
            if (position < 0 || position >= options.size()) {
                throw InvalidInputException.field("choices", "poll_choice_unknown");
            }
            picked.add(options.get(position));
        }
        return picked;
    }
}
