package org.weft.server.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.weft.server.architecture.house.House;
import org.weft.server.architecture.house.config.Settings;
import org.weft.server.architecture.house.domain.HttpService;
import org.weft.server.architecture.house.domain.Service;
import org.weft.server.architecture.house.domain.one.First;
import org.weft.server.architecture.house.domain.two.Second;
import org.weft.server.architecture.house.federation.Endpoint;
import org.weft.server.architecture.house.federation.PageRenderingEndpoint;
import org.weft.server.architecture.house.http.Replies;
import org.weft.server.architecture.house.model.Kind;
import org.weft.server.architecture.house.model.LeakyKind;
import org.weft.server.architecture.house.persistence.BackArrow;
import org.weft.server.architecture.house.persistence.Thing;
import org.weft.server.architecture.house.persistence.Things;
import org.weft.server.architecture.house.queue.Jobs;
import org.weft.server.architecture.house.stray.Stray;
import org.weft.server.architecture.house.ui.FederatingPage;
import org.weft.server.architecture.house.ui.Page;
import org.weft.server.architecture.house.ui.QueryingPage;
import org.weft.server.architecture.library.Codec;
import org.weft.server.architecture.library.LeakyCodec;

/**
 * The house rules can fail: each one, run on a small house that keeps it, passes, and fails once a class with a back
 * arrow of its kind joins the house; the failure names that class.
 */
class HouseRulesTest {
    private static final String HOUSE = "org.weft.server.architecture.house";
    private static final String LIBRARY = "org.weft.server.architecture.library";
    private static final List<Class<?>> GOOD_HOUSE = List.of(House.class, Page.class, Endpoint.class, Replies.class,
            Service.class, Jobs.class, Things.class, Thing.class, Settings.class, Kind.class, Codec.class);

    static Stream<ArchRule> rules() {
        return Stream.of(HouseRules.layers(HOUSE), HouseRules.noCycles(HOUSE), HouseRules.queriesOnlyInPersistence(HOUSE),
                HouseRules.adaptersStandApart(HOUSE), HouseRules.domainKnowsNoAdapters(HOUSE), HouseRules.standsAlone(LIBRARY, HOUSE));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void theGoodHouseKeepsEveryRule(ArchRule rule) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(GOOD_HOUSE));
        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }

    @Test
    void persistenceCallingIntoTheDomainBreaksTheLayers() {
        assertBrokenBy(HouseRules.layers(HOUSE), BackArrow.class);
    }

    @Test
    void theModelUsingConfigBreaksTheLayers() {
        assertBrokenBy(HouseRules.layers(HOUSE), LeakyKind.class);
    }

    @Test
    void aPackageInNoLayerBreaksTheLayers() {
        assertBrokenBy(HouseRules.layers(HOUSE), Stray.class);
    }

    @Test
    void twoDomainAreasUsingEachOtherAreACycle() {
        assertBrokenBy(HouseRules.noCycles(HOUSE), First.class, Second.class);
    }

    @Test
    void aBackArrowBetweenLayersIsACycleToo() {
        assertBrokenBy(HouseRules.noCycles(HOUSE), BackArrow.class);
    }

    @Test
    void aQueryInAPageBreaksTheQueryRule() {
        assertBrokenBy(HouseRules.queriesOnlyInPersistence(HOUSE), QueryingPage.class);
    }

    @Test
    void anEndpointRenderingAPageBreaksTheAdapterRule() {
        assertBrokenBy(HouseRules.adaptersStandApart(HOUSE), PageRenderingEndpoint.class);
    }

    @Test
    void aPageCallingAnEndpointBreaksTheAdapterRule() {
        assertBrokenBy(HouseRules.adaptersStandApart(HOUSE), FederatingPage.class);
    }

    @Test
    void aDomainServiceAnsweringHttpBreaksTheDomainRule() {
        assertBrokenBy(HouseRules.domainKnowsNoAdapters(HOUSE), HttpService.class);
    }

    @Test
    void aLibraryUsingItsApplicationNoLongerStandsAlone() {
        assertBrokenBy(HouseRules.standsAlone(LIBRARY, HOUSE), LeakyCodec.class);
    }

    /** The rule passes on the good house and fails with {@code bad} added, naming the first bad class. */
    private static void assertBrokenBy(ArchRule rule, Class<?>... bad) {
        List<Class<?>> classes = new ArrayList<>(GOOD_HOUSE);
        classes.addAll(List.of(bad));
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(classes));
        assertTrue(result.hasViolation(), () -> rule.getDescription() + " passed with " + List.of(bad));
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains(bad[0].getName()), () -> "The failure does not name " + bad[0].getName() + ":\n" + report);
    }
}
