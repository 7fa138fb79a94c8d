package org.praxis.mail.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * Where mail goes: an SMTP server, optional credentials, the sender address, and whether to require
 * STARTTLS (on by default; turn it off only for a local test server).
 */
public record SmtpSettings(String host, int port, Optional<String> username, Optional<String> password, String from,
        boolean startTls) {
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        if (host.isBlank()) {
            throw new IllegalArgumentException("PRAXIS_SMTP_HOST is empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("PRAXIS_SMTP_PORT must be between 1 and 65535, was " + port);
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", from " + from + ", startTls " + startTls + "]";
    }
}
