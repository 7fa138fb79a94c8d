package org.praxis.http.archfixture;

/** Breaks "adapters never import each other": HTTP reaching into the mail adapter. */
public final class HttpUsesMail {
    Object mailer = new org.praxis.mail.identity.LogMailer();
}
