package org.weft.server.domain.proposal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * An open proposal as anyone outside the instance may see it in open data, feeds and the printed board: what is
 * offered or asked, where in coarse terms (the area, never coordinates), and when. It holds no person: not the
 * author (a public proposal's author is on its page, an anonymous one's nowhere), and only the proposal's own address
 * links back to it.
 *
 * @param uuid        the last part of the proposal's address, which also gives its {@link #reference()}
 * @param description the member's text, plain; feeds show it as the board does, the data files leave it out
 * @param areaCode    the area's code ({@code camp-a/block-3}), or null when none was chosen
 * @param areaName    the area's name, or null
 */
public record PublicProposal(String uuid, String url, Purpose purpose, HelpKind kind, List<String> categoryUris,
                             String title, String description, String language, BigDecimal quantity, String unit,
                             String areaCode, String areaName, Instant publishedAt, Instant updatedAt, Instant endsAt) {
    /** How many characters of the id make the reference printed on the board and written in the data. */
    public static final int REFERENCE_LENGTH = 8;

    public PublicProposal {
        categoryUris = List.copyOf(categoryUris);
    }

    /**
     * A short reference a person can read out or copy from paper: the first characters of the proposal's id, which
     * are also the start of its address. Within one community they tell proposals apart in practice (a clash is one
     * chance in four billion for any two), and the address settles any doubt.
     */
    public String reference() {
        String hex = uuid.replace("-", "");
        return hex.substring(0, Math.min(REFERENCE_LENGTH, hex.length())).toUpperCase(Locale.ROOT);
    }

    /** When it last changed: its edit, or its publication when never edited. */
    public Instant lastChanged() {
        return updatedAt == null || updatedAt.isBefore(publishedAt) ? publishedAt : updatedAt;
    }
}
