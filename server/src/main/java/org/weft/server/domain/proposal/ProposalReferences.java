package org.weft.server.domain.proposal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalRepository;

/**
 * The short reference printed on the paper board ({@link PublicProposal#reference()}), typed back into the board's
 * search by someone holding the sheet: it names one proposal, which they want to open rather than search for. Only a
 * proposal the reader may open is found, so that a reference says nothing about one they may not see (a community-only
 * one for a visitor, a withdrawn, deleted or hidden one, another community's): for those the text is searched like
 * any other.
 */
public final class ProposalReferences {
    /** What a reader types: the reference in any case, with or without the '#' a note on paper may put before it. */
    private static final Pattern TYPED = Pattern.compile("#?\\s*([0-9a-fA-F]{" + PublicProposal.REFERENCE_LENGTH + "})");

    private final Database db;
    private final LocalUrls urls;

    public ProposalReferences(Database db, LocalUrls urls) {
        this.db = db;
        this.urls = urls;
    }

    /**
     * The id (the last part of its address) of the one proposal of community {@code groupId} whose reference is
     * {@code text}, or empty when the text is no reference, names none the reader may see, or names more than one (two
     * proposals sharing the first characters of their ids: the search then lists both).
     *
     * @param member whether a signed-in member reads, who may see community-only proposals
     */
    public Optional<String> find(long groupId, String text, boolean member) {
        Matcher typed = TYPED.matcher(text == null ? "" : text.strip());
        if (!typed.matches()) {
            return Optional.empty();
        }
        // A UUID's first group is eight characters: the reference is the start of the address as it is written.
        String idStart = typed.group(1).toLowerCase(Locale.ROOT);
        List<String> found = db.inTransaction(s -> ProposalRepository.byReference(s, groupId, urls.proposal(idStart),
                member, 2));
        if (found.size() != 1) {
            return Optional.empty();
        }
        String uri = found.getFirst();
        return Optional.of(uri.substring(uri.lastIndexOf('/') + 1));
    }
}
