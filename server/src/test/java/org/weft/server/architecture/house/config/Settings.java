package org.weft.server.architecture.house.config;

import org.weft.server.architecture.house.model.Kind;

/** A setting, of a model type. */
public record Settings(Kind defaultKind) {
}
