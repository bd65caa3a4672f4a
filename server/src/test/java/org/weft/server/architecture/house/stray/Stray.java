package org.weft.server.architecture.house.stray;

/** Bad: a package that belongs to no layer. */
public final class Stray {
}
