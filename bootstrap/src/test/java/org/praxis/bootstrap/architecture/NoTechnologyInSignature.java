package org.praxis.bootstrap.architecture;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** A method whose parameters, return type or their type arguments mention a persistence or HTTP library. */
final class NoTechnologyInSignature extends ArchCondition<JavaMethod> {
    private static final List<String> FORBIDDEN = List.of("org.jooq", "java.sql", "javax.sql", "io.javalin",
            "com.fasterxml.jackson", "jakarta.servlet", "org.eclipse.jetty", "com.zaxxer");

    NoTechnologyInSignature() {
        super("not mention persistence or HTTP types");
    }

    @Override
    public void check(JavaMethod method, ConditionEvents events) {
        var mentioned = new java.util.ArrayList<JavaClass>();
        mentioned.addAll(method.getReturnType().getAllInvolvedRawTypes());
        method.getParameterTypes().forEach(p -> mentioned.addAll(p.getAllInvolvedRawTypes()));
        for (JavaClass type : mentioned) {
            if (FORBIDDEN.stream().anyMatch(prefix -> type.getName().startsWith(prefix + "."))) {
                events.add(SimpleConditionEvent.violated(method,
                        method.getFullName() + " mentions " + type.getName()));
            }
        }
    }
}
