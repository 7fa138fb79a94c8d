package org.praxis.security.archfixture;

/** Breaks "adapters never import each other": the security adapter reaching into persistence. */
public final class SecurityUsesPersistence {
    Class<?> accounts = org.praxis.persistence.identity.JooqAccounts.class;
}
