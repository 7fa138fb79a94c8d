package org.praxis.mail.identity;

import org.praxis.application.identity.port.out.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default when no SMTP server is configured (the embedded run): notes that a mail would have been
 * sent, never its text, since the text carries a secret link.
 */
public final class LogMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(LogMailer.class);

    @Override
    public void send(Mail mail) {
        LOG.info("{} mail to {} not delivered: no SMTP server is configured (PRAXIS_SMTP_HOST); its link is not logged",
                mail.kind(), Recipients.masked(mail.to()));
    }
}
