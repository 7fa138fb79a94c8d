package org.praxis.mail.archfixture;

/** Breaks "adapters never import each other": the mail adapter reaching into the security adapter. */
public final class MailUsesSecurity {
    Object parameters = org.praxis.security.identity.Argon2Parameters.DEFAULT;
}
