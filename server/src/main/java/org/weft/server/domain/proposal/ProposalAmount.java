package org.weft.server.domain.proposal;

import java.math.BigDecimal;

import org.weft.web.i18n.Messages;

/**
 * A proposal's quantity in a reader's words, the same on its page and in the Note other servers show: "1 hour",
 * "2 hours", "٣ ساعات", with the unit's name and plural form from the message files ({@code amount.UNIT}, CLDR
 * plurals through ICU) and the language's own digits; never the stored unit code.
 */
public final class ProposalAmount {
    private ProposalAmount() {
    }

    /** The quantity with its unit in {@code m}'s language; just the number when it has no known unit. */
    public static String of(BigDecimal quantity, String unit, Messages m) {
        // 2.000 as stored is "2": trailing zeros would also pick "other" where the language says "one" (1.0 hours).
        BigDecimal amount = quantity.stripTrailingZeros();
        if (unit == null || !ProposalRules.UNITS.contains(unit)) {
            return m.get("proposal.amount", amount, "").strip();
        }
        return m.get("amount." + unit, amount);
    }
}
