/**
 * Open data and feeds: a community's open public proposals as CSV, HXL-tagged CSV and JSON, and as Atom feeds, for
 * people and tools outside the fediverse (spreadsheets, the HXL Proxy, feed readers). What may be shown is decided in
 * {@code domain.proposal.OpenProposals}; this package only writes it out. docs/open-data.md describes the formats.
 */
package org.weft.server.opendata;
