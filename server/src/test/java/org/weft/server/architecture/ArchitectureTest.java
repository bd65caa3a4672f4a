package org.weft.server.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house rules, on the real code of the three modules (main classes only). */
@AnalyzeClasses(packages = "org.weft", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String SERVER = "org.weft.server";

    @ArchTest
    static final ArchRule LAYERS = HouseRules.layers(SERVER);

    @ArchTest
    static final ArchRule NO_CYCLES = HouseRules.noCycles(SERVER);

    @ArchTest
    static final ArchRule QUERIES_IN_PERSISTENCE = HouseRules.queriesOnlyInPersistence(SERVER);

    @ArchTest
    static final ArchRule ADAPTERS_STAND_APART = HouseRules.adaptersStandApart(SERVER);

    @ArchTest
    static final ArchRule DOMAIN_KNOWS_NO_ADAPTERS = HouseRules.domainKnowsNoAdapters(SERVER);

    @ArchTest
    static final ArchRule ACTIVITYPUB_STANDS_ALONE = HouseRules.standsAlone("org.weft.activitypub", SERVER, "org.weft.web");

    @ArchTest
    static final ArchRule WEB_STANDS_ALONE = HouseRules.standsAlone("org.weft.web", SERVER, "org.weft.activitypub");
}
