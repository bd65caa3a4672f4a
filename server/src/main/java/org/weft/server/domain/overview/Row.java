package org.weft.server.domain.overview;

/**
 * One line of a breakdown: a category (its concept id) or an area (its code); {@code key} null is the line for
 * proposals that name none (or name an area this instance does not have).
 */
public record Row(String key, Cell requests, Cell offers) {
}
