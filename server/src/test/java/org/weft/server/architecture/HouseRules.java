package org.weft.server.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The rules that keep the server's packages pointing one way (issue 11; docs/architecture.md draws the house).
 * Each takes the root package, so that {@link HouseRulesTest} can run the same rule on a small house of
 * deliberately bad classes and see it fail.
 */
final class HouseRules {
    /** Calls that run HQL, SQL or JDBC statements: Hibernate's and JPA's {@code create…Query}, JDBC's statements. */
    private static final Pattern QUERY_METHOD = Pattern.compile("create\\w*Query|prepareStatement|prepareCall|createStatement");

    /** The adapter packages, as named in {@link #layers}; the last one is what the others share. */
    private static final List<String> ADAPTERS = List.of("admin", "api", "federation", "opendata", "ui", "http");
    private static final String SHARED_ADAPTER = "http";

    private HouseRules() {
    }

    /**
     * Adapters (HTTP endpoints, inbound handlers, pages, API, CLI) → domain services → queue → persistence →
     * config → model; the wiring in the root package sits on top and nothing uses it. Each layer may use the
     * ones below it, never one above; every class is in a layer.
     */
    static ArchRule layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("wiring").definedBy(root)
                .layer("adapters").definedBy(root + ".admin..", root + ".api..", root + ".federation..", root + ".http..",
                        root + ".opendata..", root + ".ui..")
                .layer("domain").definedBy(root + ".domain..")
                .layer("queue").definedBy(root + ".queue..")
                .layer("persistence").definedBy(root + ".persistence..")
                .layer("config").definedBy(root + ".config..")
                .layer("model").definedBy(root + ".model..")
                .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("adapters").mayOnlyAccessLayers("domain", "queue", "persistence", "config", "model")
                .whereLayer("domain").mayOnlyAccessLayers("queue", "persistence", "config", "model")
                .whereLayer("queue").mayOnlyAccessLayers("persistence", "config", "model")
                .whereLayer("persistence").mayOnlyAccessLayers("config", "model")
                .whereLayer("config").mayOnlyAccessLayers("model")
                .whereLayer("model").mayNotAccessAnyLayer()
                .ensureAllClassesAreContainedInArchitectureIgnoring(resideOutsideOfPackage(root + ".."))
                .as("the server's layers point one way: adapters → domain → queue → persistence → config → model");
    }

    /** No two packages use each other, directly or round a loop (a sub-package counts as a package of its own). */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .as("no package cycles in " + root);
    }

    /**
     * Queries live in repositories: HQL, SQL and JDBC statements only in persistence, and in queue, whose claim
     * ({@code FOR UPDATE SKIP LOCKED}) and batch-insert SQL are the queue itself.
     */
    static ArchRule queriesOnlyInPersistence(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".persistence..", root + ".queue..")
                .should().callMethodWhere(aQuery())
                .as("HQL, SQL and JDBC statements only in " + root + ".persistence (and " + root + ".queue)");
    }

    /**
     * The adapters stand apart: ActivityPub endpoints, pages, the API and the CLI use none of each other (a page is
     * never rendered by an endpoint, nor an endpoint called by a page: the routing hands each request to one of them).
     * What they share is in {@code http}, which uses none of them.
     */
    static ArchRule adaptersStandApart(String root) {
        List<ArchRule> rules = new ArrayList<>();
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream().filter(other -> !other.equals(adapter) && !other.equals(SHARED_ADAPTER))
                    .map(other -> root + "." + other + "..").toArray(String[]::new);
            rules.add(noClasses().that().resideInAPackage(root + "." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)); // a house need not have every kind of adapter
        }
        return CompositeArchRule.of(rules).as("the adapters (" + String.join(", ", ADAPTERS)
                + ") use none of each other, only what they share in " + root + "." + SHARED_ADAPTER);
    }

    /** Domain code knows no HTTP, pages or API: none of the adapters' types, Helidon's web server or view models. */
    static ArchRule domainKnowsNoAdapters(String root) {
        return noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".admin..", root + ".api..",
                        root + ".federation..", root + ".http..", root + ".opendata..", root + ".ui..",
                        "io.helidon.webserver..",
                        "io.helidon.http..", "org.weft.web.view..")
                .as("domain code uses no ui, api, federation or HTTP types");
    }

    /** A library module ({@code activitypub}, {@code web}) knows nothing of the modules that use it. */
    static ArchRule standsAlone(String library, String... users) {
        String[] usersPackages = Arrays.stream(users).map(user -> user + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(library + "..")
                .should().dependOnClassesThat().resideInAnyPackage(usersPackages)
                .as(library + " uses nothing of " + String.join(" or ", users));
    }

    private static DescribedPredicate<JavaMethodCall> aQuery() {
        return describe("a query (create…Query, prepareStatement, prepareCall, createStatement)", call -> {
            String owner = call.getTargetOwner().getPackageName();
            boolean database = owner.startsWith("org.hibernate") || owner.startsWith("jakarta.persistence")
                    || owner.startsWith("java.sql") || owner.startsWith("javax.sql");
            return database && QUERY_METHOD.matcher(call.getName()).matches();
        });
    }
}
