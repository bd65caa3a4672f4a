package org.weft.server.domain.proposal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.weft.server.persistence.AreaEntity;

/**
 * The names of an instance's areas from the outermost in, by code: Block 3 of Camp A is [Camp A, Block 3]. A page
 * joins them in its reader's language ({@code Messages.place}); the API, the data files and what goes to other servers
 * join them with {@link #DATA_SEPARATOR}, the same for every reader.
 */
public final class AreaPaths {
    /** Between the names of a path where no reader's language applies: "Camp A, Block 3". */
    public static final String DATA_SEPARATOR = ", ";

    private AreaPaths() {
    }

    /** Every area's path of names, by code, in the order given; {@code all} holds the parents of each. */
    public static Map<String, List<String>> of(List<AreaEntity> all) {
        Map<Long, AreaEntity> byId = new HashMap<>();
        all.forEach(a -> byId.put(a.getId(), a));
        Map<String, List<String>> paths = new LinkedHashMap<>();
        for (AreaEntity area : all) {
            List<String> path = new ArrayList<>();
            for (AreaEntity a = area; a != null; a = a.getParentId() == null ? null : byId.get(a.getParentId())) {
                path.addFirst(a.getName());
            }
            paths.put(area.getCode(), List.copyOf(path));
        }
        return paths;
    }
}
