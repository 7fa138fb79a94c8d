package org.praxis.application.identity;

import org.praxis.application.identity.port.out.Mailer;

/** The texts of the mails identity sends. The token travels only in the link, which adapters never log. */
final class IdentityMails {
    private final String linkBase;

    IdentityMails(String linkBase) {
        this.linkBase = linkBase;
    }

    Mailer.Mail verification(String to, String username, String token) {
        return new Mailer.Mail(Mailer.Kind.EMAIL_VERIFICATION, to, "Confirm your e-mail address for Praxis",
                "Hello " + username + ",\n\nplease confirm your e-mail address by opening this link:\n\n"
                        + linkBase + "/verify-email?token=" + token
                        + "\n\nIf you did not sign up for Praxis, ignore this mail.\n");
    }

    Mailer.Mail reset(String to, String username, String token) {
        return new Mailer.Mail(Mailer.Kind.PASSWORD_RESET, to, "Reset your Praxis password",
                "Hello " + username + ",\n\nto choose a new password, open this link within the hour:\n\n"
                        + linkBase + "/reset-password?token=" + token
                        + "\n\nIf you did not ask for this, ignore this mail: your password stays as it is.\n");
    }
}
