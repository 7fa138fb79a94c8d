package org.praxis.domain.cyclefixtureone;

/** Half of a cycle between two domain features, on purpose. */
public class CycleOne {
    org.praxis.domain.cyclefixturetwo.CycleTwo other;
}
