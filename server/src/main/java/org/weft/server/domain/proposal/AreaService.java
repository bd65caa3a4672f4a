package org.weft.server.domain.proposal;

import java.util.List;
import java.util.regex.Pattern;

import org.hibernate.Session;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.persistence.AreaEntity;
import org.weft.server.persistence.AreaRepository;
import org.weft.server.persistence.Database;

/**
 * The instance's places, set by the operator: a hierarchy written as paths ({@code camp-a},
 * {@code camp-a/block-3}). A child's parent must exist first.
 */
public final class AreaService {
    public static final int MAX_NAME = 200;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}(/[a-z0-9][a-z0-9-]{0,40}){0,4}");
    private final Database db;

    public AreaService(Database db) {
        this.db = db;
    }

    public AreaEntity create(String code, String name, Double latitude, Double longitude) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw InvalidInputException.field("code", "area_code_invalid");
        }
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw InvalidInputException.field("name", "area_name_invalid", MAX_NAME);
        }
        return db.inTransaction(s -> {
            if (AreaRepository.byCode(s, code).isPresent()) {
                throw InvalidInputException.field("code", "area_exists", code);
            }
            Long parentId = null;
            int slash = code.lastIndexOf('/');
            if (slash > 0) {
                String parent = code.substring(0, slash);
                parentId = AreaRepository.byCode(s, parent).orElseThrow(
                        () -> InvalidInputException.field("code", "area_parent_missing", parent)).getId();
            }
            AreaEntity area = new AreaEntity(code, name.strip(), parentId);
            if (latitude != null && longitude != null) {
                CoarseLocation centre = CoarseLocation.snap(latitude, longitude);
                area.setCentre(centre.latitude(), centre.longitude());
            }
            s.persist(area);
            return area;
        });
    }

    public List<AreaEntity> all() {
        return db.inTransaction(AreaRepository::all);
    }

    /**
     * A readable name for an area path: "Camp A, Block 3" from the names along the path, as proposals keep it and send
     * it to other servers (pages write it in their reader's language from {@link AreaPaths}).
     */
    public static String fullName(Session s, AreaEntity area) {
        StringBuilder name = new StringBuilder(area.getName());
        Long parent = area.getParentId();
        while (parent != null) {
            AreaEntity p = s.find(AreaEntity.class, parent);
            name.insert(0, p.getName() + AreaPaths.DATA_SEPARATOR);
            parent = p.getParentId();
        }
        return name.toString();
    }
}
