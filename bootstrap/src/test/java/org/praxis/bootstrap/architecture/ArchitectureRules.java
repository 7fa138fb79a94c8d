package org.praxis.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** The dependency rule and the guards of the pure domain, as ArchUnit rules (see docs/architecture.md). */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes().that().resideInAPackage("org.praxis.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.praxis.domain..")
            .as("the domain depends on the JDK and itself only");

    static final ArchRule DOMAIN_DOES_NO_IO = noClasses().that().resideInAPackage("org.praxis.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..")
            .because("the domain takes values in and gives values out; adapters do the I/O");

    static final ArchRule DOMAIN_READS_NO_CLOCK_OR_RANDOMNESS = noClasses().that().resideInAPackage("org.praxis.domain..")
            .should().callMethodWhere(readsClockOrRandomness())
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
            .because("time and ids are passed into the domain, so the same input always gives the same output");

    static final ArchRule DOMAIN_FEATURES_FREE_OF_CYCLES = SlicesRuleDefinition.slices()
            .matching("org.praxis.domain.(*)..").should().beFreeOfCycles();

    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_ONLY = classes().that().resideInAPackage("org.praxis.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.praxis.application..", "org.praxis.domain..")
            .as("the application layer depends on the JDK and the domain only");

    static final ArchRule PERSISTENCE_DOES_NOT_SEE_HTTP = noClasses().that().resideInAPackage("org.praxis.persistence..")
            .should().dependOnClassesThat().resideInAPackage("org.praxis.http..")
            .as("adapters never import each other");

    static final ArchRule HTTP_DOES_NOT_SEE_PERSISTENCE = noClasses().that().resideInAPackage("org.praxis.http..")
            .should().dependOnClassesThat().resideInAPackage("org.praxis.persistence..")
            .as("adapters never import each other");

    static final ArchRule SECURITY_ADAPTER_SEES_NO_OTHER_ADAPTER = noClasses().that().resideInAPackage("org.praxis.security..")
            .should().dependOnClassesThat().resideInAnyPackage("org.praxis.persistence..", "org.praxis.http..", "org.praxis.mail..")
            .as("adapters never import each other (security)");

    static final ArchRule MAIL_ADAPTER_SEES_NO_OTHER_ADAPTER = noClasses().that().resideInAPackage("org.praxis.mail..")
            .should().dependOnClassesThat().resideInAnyPackage("org.praxis.persistence..", "org.praxis.http..", "org.praxis.security..")
            .as("adapters never import each other (mail)");

    static final ArchRule PERSISTENCE_AND_HTTP_SEE_NEITHER_SECURITY_NOR_MAIL = noClasses()
            .that().resideInAnyPackage("org.praxis.persistence..", "org.praxis.http..")
            .should().dependOnClassesThat().resideInAnyPackage("org.praxis.security..", "org.praxis.mail..")
            .as("adapters never import each other (persistence, http)");

    static final ArchRule NOTHING_IMPORTS_BOOTSTRAP = noClasses().that().resideOutsideOfPackage("org.praxis.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("org.praxis.bootstrap..")
            .as("only bootstrap sees everything, and nothing sees bootstrap");

    static final ArchRule HTTP_USES_IN_PORTS_NOT_SERVICES = noClasses().that().resideInAPackage("org.praxis.http..")
            .should().dependOnClassesThat(applicationClassesOutsidePortsAndCommon())
            .as("HTTP routes hold in-ports, never the services behind them");

    static final ArchRule PORTS_ARE_INTERFACES = classes().that().resideInAnyPackage("org.praxis.application..port.in..",
                    "org.praxis.application..port.out..").and().areTopLevelClasses()
            .and(DescribedPredicate.describe("are not records", (JavaClass c) -> !c.isRecord()))
            .should().beInterfaces()
            .as("ports are interfaces (the values they exchange are records: commands, outcomes, views)");

    static final ArchRule NO_TECHNOLOGY_IN_PORT_SIGNATURES = methods().that().areDeclaredInClassesThat()
            .resideInAnyPackage("org.praxis.application..port..")
            .should(new NoTechnologyInSignature())
            .as("no persistence or HTTP type (jOOQ, JDBC, Javalin, Jackson) in a port signature");

    private static DescribedPredicate<JavaAccess<?>> readsClockOrRandomness() {
        return DescribedPredicate.describe("reads the clock or randomness", access -> {
            String owner = access.getTargetOwner().getFullName();
            String name = access.getName();
            return (name.equals("now") && owner.startsWith("java.time."))
                    || (owner.equals("java.time.Clock") && name.startsWith("system"))
                    || (owner.equals("java.lang.System") && (name.equals("currentTimeMillis") || name.equals("nanoTime")))
                    || (owner.equals("java.lang.Math") && name.equals("random"))
                    || (owner.equals("java.util.UUID") && name.equals("randomUUID"))
                    || owner.equals("java.util.concurrent.ThreadLocalRandom");
        });
    }

    private static DescribedPredicate<JavaClass> applicationClassesOutsidePortsAndCommon() {
        return DescribedPredicate.describe("are application classes outside port and common packages", c ->
                c.getPackageName().startsWith("org.praxis.application")
                        && !c.getPackageName().contains(".port.")
                        && !c.getPackageName().endsWith(".port.in")
                        && !c.getPackageName().endsWith(".port.out")
                        && !c.getPackageName().equals("org.praxis.application.common"));
    }
}
