package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.classify.Classification;
import org.weft.server.domain.classify.TextClassifier;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;

/** The scoring rules and the index, without a database: ranking, area, time, kind, quantity, language. */
class MatchRulesTest {
    private static final Taxonomy TAXONOMY = Taxonomy.load();
    private static final java.time.Instant NOW = Snapshots.NOW;

    private final MatchIndex index = new MatchIndex(TAXONOMY);

    private List<ScoredMatch> matches(ProposalSnapshot p) {
        return index.matchesFor(p, NOW, 10);
    }

    private ProposalSnapshot put(Snapshots s) {
        ProposalSnapshot p = s.build();
        index.put(p);
        return p;
    }

    @Test
    void anExactConceptRanksAboveABroaderOne() {
        ProposalSnapshot broader = put(Snapshots.offer("childcare"));
        ProposalSnapshot exact = put(Snapshots.offer("babysitting"));
        ProposalSnapshot unrelated = put(Snapshots.offer("bread"));
        List<ScoredMatch> found = matches(Snapshots.request("babysitting").build());
        assertEquals(List.of(exact.id(), broader.id()), found.stream().map(ScoredMatch::offerId).toList());
        assertEquals(ReasonCode.SAME_CATEGORY, found.get(0).reasons().get(0).code());
        assertEquals(ReasonCode.BROADER_OFFER, found.get(1).reasons().get(0).code());
        assertTrue(found.stream().noneMatch(m -> m.offerId() == unrelated.id()));
    }

    @Test
    void aPersonsOfferDoesNotAnswerTheirOwnRequest() {
        ProposalSnapshot hers = put(Snapshots.offer("prams").author(7));
        ProposalSnapshot his = put(Snapshots.offer("prams").author(8));
        ProposalSnapshot request = Snapshots.request("prams").author(7).build();
        assertEquals(List.of(his.id()), matches(request).stream().map(ScoredMatch::offerId).toList());
        assertEquals(java.util.Optional.empty(), new MatchRules(new ConceptRelations(TAXONOMY)).score(request, hers, NOW));
        // Her offer still answers everyone else's request, and a request nobody is known to have written.
        assertEquals(2, matches(Snapshots.request("prams").author(9).build()).size());
        assertEquals(2, matches(Snapshots.request("prams").build()).size());
    }

    @Test
    void siblingsAndOtherDoNotMatch() {
        put(Snapshots.offer("shoes"));
        put(Snapshots.offer("other"));
        assertEquals(List.of(), matches(Snapshots.request("winter-clothes").build()));
        assertEquals(List.of(), matches(Snapshots.request("other").build()));
    }

    @Test
    void aRelatedConceptIsAWeakerMatchThatSaysWhy() {
        // The related offer has everything else going for it (same block, open all week, same kind, enough); the
        // broader one has nothing (another town, a short overlap, another kind): the related one still ranks last.
        ProposalSnapshot related = put(Snapshots.offer("tech-help").area("camp-a/block-3").kind(HelpKind.TIME)
                .quantity("2", "hour"));
        ProposalSnapshot broader = put(Snapshots.offer("paperwork-and-legal").area("town-b/centre").kind(HelpKind.GIFT)
                .window(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(2))));
        ProposalSnapshot exact = put(Snapshots.offer("form-filling").area("town-b/centre"));
        List<ScoredMatch> found = matches(Snapshots.request("form-filling").area("camp-a/block-3").kind(HelpKind.TIME)
                .quantity("2", "hour").build());
        assertEquals(List.of(exact.id(), broader.id(), related.id()), found.stream().map(ScoredMatch::offerId).toList());
        assertEquals(new Reason(ReasonCode.RELATED_CATEGORY, "tech-help"), found.get(2).reasons().get(0));
        assertTrue(found.get(2).reasons().contains(Reason.of(ReasonCode.SAME_AREA)), "the rest is still counted");
        assertEquals("related help: tech help · same area · both open this week · both time given · enough for what was asked",
                new ReasonText(TAXONOMY).english(found.get(2).reasons()));
    }

    @Test
    void relatedWorksBothWaysButSiblingsWithoutALinkStillNeverMatch() {
        ProposalSnapshot formFilling = put(Snapshots.offer("form-filling"));
        ProposalSnapshot techHelp = put(Snapshots.offer("tech-help"));
        // legal-advice is form-filling's sibling, with no link between them.
        assertEquals(List.of(), matches(Snapshots.request("legal-advice").build()), "a sibling without a link: nothing");
        assertEquals(List.of(techHelp.id(), formFilling.id()), matches(Snapshots.request("tech-help").build()).stream()
                .map(ScoredMatch::offerId).toList(), "a request for tech help is answered by form filling too");
        put(Snapshots.offer("shoes"));
        assertEquals(List.of(), matches(Snapshots.request("winter-clothes").build()), "siblings, no link");
    }

    @Test
    void theSameBlockIsPreferredToElsewhereInTheCamp() {
        ProposalSnapshot elsewhere = put(Snapshots.offer("prams").area("camp-a/block-7"));
        ProposalSnapshot sameBlock = put(Snapshots.offer("prams").area("camp-a/block-3"));
        ProposalSnapshot otherTown = put(Snapshots.offer("prams").area("town-b/centre"));
        List<ScoredMatch> found = matches(Snapshots.request("prams").area("camp-a/block-3").build());
        assertEquals(List.of(sameBlock.id(), elsewhere.id(), otherTown.id()),
                found.stream().map(ScoredMatch::offerId).toList());
        assertTrue(found.get(0).reasons().contains(Reason.of(ReasonCode.SAME_AREA)));
        assertTrue(found.get(1).reasons().contains(Reason.of(ReasonCode.SAME_TOP_AREA)));
    }

    @Test
    void theWholeCampContainsTheBlock() {
        ProposalSnapshot camp = put(Snapshots.offer("prams").area("camp-a"));
        List<ScoredMatch> found = matches(Snapshots.request("prams").area("camp-a/block-3").build());
        assertEquals(camp.id(), found.get(0).offerId());
        assertTrue(found.get(0).reasons().contains(Reason.of(ReasonCode.NEARBY_AREA)));
    }

    @Test
    void coordinatesNearbyCountAndFarAwayExclude() {
        ProposalSnapshot near = put(Snapshots.offer("bicycles").at(52.52, 13.40));
        put(Snapshots.offer("bicycles").at(48.85, 2.35));
        List<ScoredMatch> found = matches(Snapshots.request("bicycles").at(52.53, 13.41).build());
        assertEquals(List.of(near.id()), found.stream().map(ScoredMatch::offerId).toList());
        assertEquals(ReasonCode.WITHIN_KM, found.get(0).reasons().get(1).code());
    }

    @Test
    void windowsThatDoNotOverlapNeverMatch() {
        // An offer announced for when a delivery arrives, after the request will have closed.
        put(Snapshots.offer("bread").window(NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(9))));
        assertEquals(List.of(), matches(Snapshots.request("bread").window(NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(2))).build()));
    }

    @Test
    void anExpiredOfferNeverMatchesAndLeavesTheIndex() {
        ProposalSnapshot expired = put(Snapshots.offer("bread").window(NOW.minus(Duration.ofDays(9)),
                NOW.minus(Duration.ofMinutes(1))));
        assertEquals(List.of(), matches(Snapshots.request("bread").build()));
        assertEquals(List.of(expired.id()), index.removeExpired(NOW));
        assertEquals(0, index.size());
    }

    @Test
    void aLoanDoesNotAnswerARequestForAGiftButAGiftAnswersARequestToBorrow() {
        ProposalSnapshot loan = put(Snapshots.offer("prams").kind(HelpKind.LOAN));
        ProposalSnapshot gift = put(Snapshots.offer("prams").kind(HelpKind.GIFT));
        assertEquals(List.of(gift.id()), matches(Snapshots.request("prams").kind(HelpKind.GIFT).build()).stream()
                .map(ScoredMatch::offerId).toList());
        assertEquals(List.of(loan.id(), gift.id()), matches(Snapshots.request("prams").kind(HelpKind.LOAN).build()).stream()
                .map(ScoredMatch::offerId).toList());
    }

    @Test
    void enoughQuantityRanksAboveTooLittle() {
        ProposalSnapshot little = put(Snapshots.offer("diapers").quantity("5", "one"));
        ProposalSnapshot enough = put(Snapshots.offer("diapers").quantity("40", "one"));
        List<ScoredMatch> found = matches(Snapshots.request("diapers").quantity("30", "one").build());
        assertEquals(List.of(enough.id(), little.id()), found.stream().map(ScoredMatch::offerId).toList());
    }

    @Test
    void closedProposalsLeaveTheIndex() {
        ProposalSnapshot offer = put(Snapshots.offer("bread"));
        assertEquals(1, matches(Snapshots.request("bread").build()).size());
        index.put(new ProposalSnapshot(offer.id(), true, offer.purpose(), offer.kind(), offer.categories(), null, null, null,
                offer.publishedAt(), offer.endsAt(), null, null, false));
        assertEquals(List.of(), matches(Snapshots.request("bread").build()));
    }

    @Test
    void requestsInArabicPersianAndUkrainianMatchEnglishAndFrenchOffers() {
        TextClassifier classifier = new TextClassifier(TAXONOMY);
        ProposalSnapshot pramEn = put(Snapshots.offer(classified(classifier, "I can give a pram, almost new")));
        ProposalSnapshot breadFr = put(Snapshots.offer(classified(classifier, "Je donne du pain frais ce soir")));
        ProposalSnapshot shoesEn = put(Snapshots.offer(classified(classifier, "Children's shoes to give away, size 30")));
        assertEquals(List.of(TAXONOMY.byId("prams").orElseThrow().uri()), pramEn.categories());

        assertEquals(pramEn.id(), best(classifier, "نحتاج عربة أطفال لطفلنا الرضيع"));
        assertEquals(breadFr.id(), best(classifier, "به نان نیاز داریم"));
        assertEquals(pramEn.id(), best(classifier, "Потрібна дитяча коляска"));
        assertEquals(shoesEn.id(), best(classifier, "Шукаю взуття для дитини"));
    }

    private long best(TextClassifier classifier, String request) {
        String[] concepts = classified(classifier, request);
        List<ScoredMatch> found = matches(Snapshots.request(concepts).build());
        assertTrue(!found.isEmpty(), "no match for '" + request + "' classified as " + List.of(concepts));
        return found.get(0).offerId();
    }

    private static String[] classified(TextClassifier classifier, String text) {
        Classification c = classifier.classify(text, List.of());
        return c.concepts().stream().map(Concept::uri).toArray(String[]::new);
    }
}
