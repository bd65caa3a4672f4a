/**
 * The needs overview (issue 18): what a community, the instance, or a community with those it links to asks for and
 * offers, where, and how fast requests are met, as counts only. {@link org.weft.server.domain.overview.NeedsOverview}
 * reads the counts (grouped in the database by {@code persistence.OverviewCounts}) and
 * {@link org.weft.server.domain.overview.SmallCounts} hides what could single a person out (docs/open-data.md,
 * "The needs overview's figures").
 */
package org.weft.server.domain.overview;
