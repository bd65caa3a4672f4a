package org.weft.server.architecture.house.model;

import org.weft.server.architecture.house.config.Settings;

/** Bad: the model reaches up into config. */
public record LeakyKind(Kind kind, Settings settings) {
}
