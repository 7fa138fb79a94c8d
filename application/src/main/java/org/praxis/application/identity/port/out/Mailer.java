package org.praxis.application.identity.port.out;

import java.util.Objects;

/** Sends e-mail (verification, password reset). Delivery may happen after the call returns. */
public interface Mailer {
    enum Kind {
        EMAIL_VERIFICATION, PASSWORD_RESET
    }

    /** {@code text} may hold a secret link: adapters must never log it. */
    record Mail(Kind kind, String to, String subject, String text) {
        public Mail {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "Mail[" + kind + " to " + to + "]";
        }
    }

    void send(Mail mail);
}
