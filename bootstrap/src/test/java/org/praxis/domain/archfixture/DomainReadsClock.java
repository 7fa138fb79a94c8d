package org.praxis.domain.archfixture;

/** Breaks the rule on purpose: a domain class that reads the clock itself. */
public class DomainReadsClock {
    java.time.Instant when() {
        return java.time.Instant.now();
    }
}
