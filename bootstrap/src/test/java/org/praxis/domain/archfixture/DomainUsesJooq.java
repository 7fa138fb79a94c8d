package org.praxis.domain.archfixture;

/** Breaks the rule on purpose: a domain class that knows jOOQ. */
public class DomainUsesJooq {
    org.jooq.DSLContext dsl;
}
