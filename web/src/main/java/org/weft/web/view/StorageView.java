package org.weft.web.view;

/**
 * The operator's storage page, every value already written in the reader's language.
 *
 * @param size the database's size; {@code growth} per day, or a sentence saying it is not known yet
 * @param inbound received activities waiting to be processed; {@code deliveries} deliveries waiting to be sent
 * @param lastPrune when the pruner last ran and how many rows it removed, or that it has not run yet
 */
public record StorageView(String size, String growth, String inbound, String deliveries, String lastPrune) {
}
