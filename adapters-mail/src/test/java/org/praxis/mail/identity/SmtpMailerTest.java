package org.praxis.mail.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.praxis.application.identity.port.out.Mailer;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/** The SMTP adapter against GreenMail, a real SMTP server running inside the test JVM. */
class SmtpMailerTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void aMailArrivesWithItsSubjectTextAndSender() throws Exception {
        var settings = new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), Optional.empty(), Optional.empty(),
                "Praxis <no-reply@praxis.example>", false);
        try (var mailer = new SmtpMailer(settings)) {
            mailer.send(new Mailer.Mail(Mailer.Kind.EMAIL_VERIFICATION, "ada@example.org", "Confirm your e-mail address",
                    "Open https://app.example/verify-email?token=abc"));
        }
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        var message = smtp.getReceivedMessages()[0];
        assertEquals("Confirm your e-mail address", message.getSubject());
        assertEquals("ada@example.org", message.getAllRecipients()[0].toString());
        assertEquals("Praxis <no-reply@praxis.example>", message.getFrom()[0].toString());
        assertTrue(GreenMailUtil.getBody(message).contains("verify-email?token=abc"));
    }

    @Test
    void credentialsAreUsedWhenGiven() throws Exception {
        smtp.setUser("praxis", "smtp-secret");
        var settings = new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), Optional.of("praxis"),
                Optional.of("smtp-secret"), "no-reply@praxis.example", false);
        try (var mailer = new SmtpMailer(settings)) {
            mailer.send(new Mailer.Mail(Mailer.Kind.PASSWORD_RESET, "bob@example.org", "Reset", "text"));
        }
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        assertEquals("Reset", smtp.getReceivedMessages()[0].getSubject());
    }

    @Test
    void anUnreachableServerIsLoggedNotThrown() {
        var settings = new SmtpSettings("127.0.0.1", 1, Optional.empty(), Optional.empty(), "no-reply@praxis.example", false);
        try (var mailer = new SmtpMailer(settings)) {
            mailer.send(new Mailer.Mail(Mailer.Kind.PASSWORD_RESET, "bob@example.org", "Reset", "text"));
        }
    }

    @Test
    void recipientsAreMaskedInLogs() {
        assertEquals("a***@example.org", Recipients.masked("ada@example.org"));
        assertEquals("***", Recipients.masked("nonsense"));
    }
}
