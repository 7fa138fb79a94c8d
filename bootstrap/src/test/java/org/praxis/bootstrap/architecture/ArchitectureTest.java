package org.praxis.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers hold on the real production classes of every module, and each rule is shown to fail on a
 * fixture class that breaks it (so a rule that silently matches nothing cannot pass).
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = new ClassFileImporter()
                .withImportOption(new ProductionClassesOnly())
                .importPackages("org.praxis");
    }

    @TestFactory
    List<DynamicTest> everyRuleHoldsOnTheProductionClasses() {
        return rules().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(production)))
                .toList();
    }

    @Test
    void theProductionImportSeesEveryModule() {
        for (String pkg : List.of("org.praxis.domain", "org.praxis.application", "org.praxis.persistence",
                "org.praxis.http", "org.praxis.security", "org.praxis.mail", "org.praxis.bootstrap")) {
            assertTrue(production.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)), "no classes found in " + pkg);
        }
    }

    @Test
    void domainRulesFailOnViolations() {
        assertFails(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA, org.praxis.domain.archfixture.DomainUsesJooq.class);
        assertFails(ArchitectureRules.DOMAIN_READS_NO_CLOCK_OR_RANDOMNESS, org.praxis.domain.archfixture.DomainReadsClock.class);
        assertFails(ArchitectureRules.DOMAIN_READS_NO_CLOCK_OR_RANDOMNESS, org.praxis.domain.archfixture.DomainUsesRandom.class);
        assertFails(ArchitectureRules.DOMAIN_DOES_NO_IO, org.praxis.domain.archfixture.DomainReadsFiles.class);
        assertFails(ArchitectureRules.DOMAIN_FEATURES_FREE_OF_CYCLES,
                org.praxis.domain.cyclefixtureone.CycleOne.class, org.praxis.domain.cyclefixturetwo.CycleTwo.class);
    }

    @Test
    void layerRulesFailOnViolations() {
        assertFails(ArchitectureRules.APPLICATION_DEPENDS_ON_DOMAIN_ONLY,
                org.praxis.application.archfixture.ApplicationUsesJavalin.class);
        assertFails(ArchitectureRules.HTTP_DOES_NOT_SEE_PERSISTENCE, org.praxis.http.archfixture.HttpUsesPersistence.class);
        assertFails(ArchitectureRules.PERSISTENCE_DOES_NOT_SEE_HTTP,
                org.praxis.persistence.archfixture.PersistenceUsesHttp.class);
        assertFails(ArchitectureRules.NOTHING_IMPORTS_BOOTSTRAP,
                org.praxis.persistence.archfixture.PersistenceUsesBootstrap.class);
        assertFails(ArchitectureRules.HTTP_USES_IN_PORTS_NOT_SERVICES, org.praxis.http.archfixture.HttpUsesService.class);
        assertFails(ArchitectureRules.MAIL_ADAPTER_SEES_NO_OTHER_ADAPTER, org.praxis.mail.archfixture.MailUsesSecurity.class);
        assertFails(ArchitectureRules.SECURITY_ADAPTER_SEES_NO_OTHER_ADAPTER, org.praxis.security.archfixture.SecurityUsesPersistence.class);
        assertFails(ArchitectureRules.PERSISTENCE_AND_HTTP_SEE_NEITHER_SECURITY_NOR_MAIL,
                org.praxis.http.archfixture.HttpUsesMail.class);
    }

    @Test
    void portRulesFailOnViolations() {
        assertFails(ArchitectureRules.PORTS_ARE_INTERFACES, org.praxis.application.archfixture.port.in.ConcretePort.class);
        assertFails(ArchitectureRules.NO_TECHNOLOGY_IN_PORT_SIGNATURES,
                org.praxis.application.archfixture.port.out.LeakyPort.class);
    }

    private static List<ArchRule> rules() {
        return List.of(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA, ArchitectureRules.DOMAIN_DOES_NO_IO,
                ArchitectureRules.DOMAIN_READS_NO_CLOCK_OR_RANDOMNESS, ArchitectureRules.DOMAIN_FEATURES_FREE_OF_CYCLES,
                ArchitectureRules.APPLICATION_DEPENDS_ON_DOMAIN_ONLY, ArchitectureRules.PERSISTENCE_DOES_NOT_SEE_HTTP,
                ArchitectureRules.HTTP_DOES_NOT_SEE_PERSISTENCE, ArchitectureRules.NOTHING_IMPORTS_BOOTSTRAP,
                ArchitectureRules.HTTP_USES_IN_PORTS_NOT_SERVICES, ArchitectureRules.PORTS_ARE_INTERFACES,
                ArchitectureRules.NO_TECHNOLOGY_IN_PORT_SIGNATURES, ArchitectureRules.SECURITY_ADAPTER_SEES_NO_OTHER_ADAPTER,
                ArchitectureRules.MAIL_ADAPTER_SEES_NO_OTHER_ADAPTER, ArchitectureRules.PERSISTENCE_AND_HTTP_SEE_NEITHER_SECURITY_NOR_MAIL);
    }

    private static void assertFails(ArchRule rule, Class<?>... fixtures) {
        var classes = new ClassFileImporter().importClasses(fixtures);
        assertThrows(AssertionError.class, () -> rule.check(classes),
                "the rule '" + rule.getDescription() + "' should reject " + List.of(fixtures));
    }

    /** Main classes of every module: not test classes, not test-jars. */
    static final class ProductionClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.contains("-tests.jar")
                    && !location.contains("/generated-test-sources/");
        }
    }
}
