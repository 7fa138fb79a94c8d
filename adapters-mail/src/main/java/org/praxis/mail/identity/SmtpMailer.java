package org.praxis.mail.identity;

import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.praxis.application.identity.port.out.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends mail over SMTP on a background thread, so that a request never waits for (or reveals, by its
 * timing) a mail server, and a slow server cannot hold requests. A failed delivery is logged (recipient
 * masked, text never) and dropped: the learner can ask for another mail. At most 1000 mails wait; beyond
 * that new ones are dropped with a warning.
 */
public final class SmtpMailer implements Mailer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SmtpSettings settings;
    private final Session session;
    private final ThreadPoolExecutor sender;

    public SmtpMailer(SmtpSettings settings) {
        this.settings = Objects.requireNonNull(settings);
        var properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", Long.toString(TIMEOUT.toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(TIMEOUT.toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(TIMEOUT.toMillis()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        Authenticator authenticator = null;
        if (settings.username().isPresent()) {
            properties.put("mail.smtp.auth", "true");
            var user = settings.username().get();
            var password = settings.password().orElse("");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(properties, authenticator);
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000), r -> {
            var thread = new Thread(r, "praxis-smtp");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void send(Mail mail) {
        try {
            sender.execute(() -> deliver(mail));
        } catch (RejectedExecutionException e) {
            LOG.warn("{} mail to {} dropped: the outgoing queue is full or closed", mail.kind(), Recipients.masked(mail.to()));
        }
    }

    private void deliver(Mail mail) {
        try {
            var message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from(), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.text(), "UTF-8");
            message.setSentDate(new Date());
            Transport.send(message);
            LOG.info("{} mail sent to {}", mail.kind(), Recipients.masked(mail.to()));
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("{} mail to {} not delivered via {}:{}: {}", mail.kind(), Recipients.masked(mail.to()), settings.host(),
                    settings.port(), e.getClass().getSimpleName());
        }
    }

    /** Lets queued mails go out (up to the timeout), then stops the sender thread. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
