package org.praxis.http.archfixture;

/** Breaks the rule on purpose: the HTTP adapter reaching into the persistence adapter. */
public class HttpUsesPersistence {
    org.praxis.persistence.common.JooqTransactions transactions;
}
