package org.praxis.application.identity.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.praxis.application.identity.port.out.Mailer;

/** Keeps every mail, so a test can read the token a learner would click. */
public final class RecordingMailer implements Mailer {
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");

    private final List<Mail> sent = new ArrayList<>();

    @Override
    public synchronized void send(Mail mail) {
        sent.add(mail);
    }

    public synchronized List<Mail> sent() {
        return List.copyOf(sent);
    }

    /** The token in the newest mail of this kind to this address. */
    public synchronized Optional<String> lastToken(Kind kind, String to) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            var mail = sent.get(i);
            if (mail.kind() == kind && mail.to().equalsIgnoreCase(to)) {
                var matcher = TOKEN.matcher(mail.text());
                return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
