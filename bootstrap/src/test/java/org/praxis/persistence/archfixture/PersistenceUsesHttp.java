package org.praxis.persistence.archfixture;

/** Breaks the rule on purpose: the persistence adapter reaching into the HTTP adapter. */
public class PersistenceUsesHttp {
    org.praxis.http.HttpApi api;
}
