package org.praxis.domain.archfixture;

/** Breaks the rule on purpose: a domain class that draws random numbers. */
public class DomainUsesRandom {
    int roll() {
        return new java.util.Random().nextInt(6);
    }
}
