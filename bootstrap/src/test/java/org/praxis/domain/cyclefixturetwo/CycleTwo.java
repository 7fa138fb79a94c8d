package org.praxis.domain.cyclefixturetwo;

/** The other half of the cycle. */
public class CycleTwo {
    org.praxis.domain.cyclefixtureone.CycleOne other;
}
