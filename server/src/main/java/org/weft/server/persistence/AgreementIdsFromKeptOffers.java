package org.weft.server.persistence;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.flywaydb.core.api.migration.Context;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.activitypub.vocab.AgreementOffer;

/**
 * Migration V23: the agreement id of every agreement response received before V22 added the column, read once from
 * the Offer as it arrived, while the inbound table still has it. A response whose Offer is gone or unreadable keeps
 * none, and its decision then sends no Accept or Reject, as before. Java, because H2 and MariaDB share no JSON
 * functions.
 */
final class AgreementIdsFromKeptOffers extends WeftJavaMigration {

    public AgreementIdsFromKeptOffers() {
        super("23", "agreement ids from kept offers", null);
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Map<Long, String> agreementIds = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT r.id, i.body FROM response r"
                + " JOIN inbound_activity i ON i.activity_uri = r.uri"
                + " WHERE r.kind = 'AGREEMENT' AND r.agreement_uri IS NULL");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long responseId = rows.getLong(1);
                agreementId(rows.getString(2)).ifPresent(id -> agreementIds.put(responseId, id));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE response SET agreement_uri = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> row : agreementIds.entrySet()) {
                update.setString(1, row.getValue());
                update.setLong(2, row.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** The Agreement's id in a kept Offer; empty when it is unreadable or too long to keep. */
    static Optional<String> agreementId(String offerBody) {
        try {
            String id = AgreementOffer.fromJson(PlainJson.read(offerBody)).agreementId();
            return id.length() <= ResponseEntity.MAX_URI_LENGTH ? Optional.of(id) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
