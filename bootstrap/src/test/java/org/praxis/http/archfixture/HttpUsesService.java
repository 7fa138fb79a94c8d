package org.praxis.http.archfixture;

/** Breaks the rule on purpose: a route holding a service instead of its in-port. */
public class HttpUsesService {
    org.praxis.application.operations.ReadinessService service;
}
