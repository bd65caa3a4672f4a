package org.weft.server.domain.classify;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.weft.server.model.Purpose;

/**
 * What the labelled posts nearest to a post say about it: each of the {@code k} nearest votes with its BM25 score
 * relative to the nearest one's (raised to a power: higher trusts the nearest more), for its purpose (offer, request
 * or neither) and, if it offers or asks, for the intended concept of each of its needs.
 *
 * @param purposes the share of the vote for each purpose; {@code Optional.empty()} stands for "neither"
 * @param concepts for each concept, the share of the voting offers and requests that name it (a post with two needs
 *                 votes for both, so shares can add up to more than 1)
 * @param voters   how many examples voted (0 when no word of the post is in any example)
 */
record ExampleVotes(Map<Optional<Purpose>, Double> purposes, Map<String, Double> concepts, int voters) {

    static final ExampleVotes NONE = new ExampleVotes(Map.of(), Map.of(), 0);

    ExampleVotes {
        purposes = Map.copyOf(purposes);
        concepts = Map.copyOf(concepts);
    }

    static ExampleVotes of(List<ExampleIndex.Neighbour> nearest, int k, double power) {
        List<ExampleIndex.Neighbour> voters = nearest.stream().limit(k).toList();
        if (voters.isEmpty() || voters.get(0).score() <= 0) {
            return NONE;
        }
        double top = voters.get(0).score();
        Map<Optional<Purpose>, Double> purposes = new HashMap<>();
        Map<String, Double> concepts = new HashMap<>();
        double all = 0;
        double offersAndRequests = 0;
        for (ExampleIndex.Neighbour n : voters) {
            double weight = Math.pow(n.score() / top, power);
            all += weight;
            purposes.merge(n.example().purpose(), weight, Double::sum);
            if (n.example().purpose().isPresent()) {
                offersAndRequests += weight;
                n.example().intendedConcepts().stream().distinct().forEach(c -> concepts.merge(c, weight, Double::sum));
            }
        }
        double total = all;
        double voting = offersAndRequests;
        purposes.replaceAll((p, w) -> w / total);
        concepts.replaceAll((c, w) -> w / voting);
        return new ExampleVotes(purposes, concepts, voters.size());
    }

    double purposeShare(Optional<Purpose> purpose) {
        return purposes.getOrDefault(purpose, 0.0);
    }

    double conceptShare(String conceptId) {
        return concepts.getOrDefault(conceptId, 0.0);
    }

    /** The concepts with at least {@code share} of the vote, strongest first, at most {@code max}. */
    List<String> conceptsWith(double share, int max) {
        return concepts.entrySet().stream().filter(e -> e.getValue() >= share)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).limit(max).toList();
    }

    /** The purpose with most of the vote; empty ("neither") when no example voted. */
    Optional<Purpose> purpose() {
        return purposes.entrySet().stream()
                .max(Comparator.<Map.Entry<Optional<Purpose>, Double>>comparingDouble(Map.Entry::getValue))
                .flatMap(Map.Entry::getKey);
    }
}
