package org.weft.server.architecture.house.persistence;

import org.weft.server.architecture.house.model.Kind;

/** A stored thing. */
public record Thing(long id, Kind kind) {
}
