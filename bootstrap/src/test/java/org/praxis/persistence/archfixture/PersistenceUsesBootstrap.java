package org.praxis.persistence.archfixture;

/** Breaks the rule on purpose: an adapter importing the wiring. */
public class PersistenceUsesBootstrap {
    org.praxis.bootstrap.Settings settings;
}
