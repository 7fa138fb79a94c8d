package org.praxis.application.archfixture;

/** Breaks the rule on purpose: a use case that knows the web framework. */
public class ApplicationUsesJavalin {
    io.javalin.http.Context ctx;
}
