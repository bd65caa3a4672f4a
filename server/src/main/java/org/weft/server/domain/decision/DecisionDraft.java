package org.weft.server.domain.decision;

import java.time.Instant;

import org.weft.server.model.PollVoters;

/**
 * A proposed change of a community's rules, as someone asks to put it to a vote.
 *
 * @param proposedRules the new rules text, in full (plain text, as the rules are written)
 * @param voters        who may vote
 * @param endsAt        when voting stops
 * @param language      the opener's language: the question and the options ("for", "against", "I object") are
 *                      written in it, as followers on other servers read and vote by them
 */
public record DecisionDraft(String proposedRules, PollVoters voters, Instant endsAt, String language) {
}
