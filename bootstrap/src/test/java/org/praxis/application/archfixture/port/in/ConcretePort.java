package org.praxis.application.archfixture.port.in;

/** Breaks the rule on purpose: a port that is a class. */
public class ConcretePort {
}
