package org.praxis.application.archfixture.port.out;

/** Breaks the rule on purpose: JDBC in a port signature. */
public interface LeakyPort {
    java.util.List<String> names(java.sql.Connection connection);
}
