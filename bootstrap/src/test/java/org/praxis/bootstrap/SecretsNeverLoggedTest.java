package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.bootstrap.IdentityFixture.PASSWORD;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.application.identity.BearerTokens;
import org.praxis.application.identity.port.out.Mailer;
import org.praxis.mail.identity.LogMailer;
import org.praxis.persistence.testing.FreshDatabase;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

/**
 * A full identity flow with every log line captured, Praxis' own loggers at their most verbose and the
 * libraries at the levels the service runs them with: no password, token, token hash or password hash
 * appears anywhere in the logs.
 */
@ExtendWith(FreshDatabase.class)
class SecretsNeverLoggedTest {

    @Test
    void aFullFlowLogsNoSecret(DataSource dataSource) throws Exception {
        var root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        var praxis = (Logger) LoggerFactory.getLogger("org.praxis");
        var access = (Logger) LoggerFactory.getLogger("praxis.access");
        var rootLevel = root.getLevel();
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        praxis.setLevel(Level.TRACE);
        access.setLevel(Level.INFO);
        var secrets = new ArrayList<String>();
        try (var app = new IdentityFixture(dataSource)) {
            new LogMailer().send(new Mailer.Mail(Mailer.Kind.PASSWORD_RESET, "someone@example.org", "Reset",
                    "https://app.example.org/reset-password?token=LOGMAILERSECRETTOKEN"));
            secrets.add("LOGMAILERSECRETTOKEN");

            var ada = app.register("ada");
            secrets.add(PASSWORD);
            secrets.add(ada.token());
            app.call("POST", "/v1/sessions", null, Map.of("login", "ada", "password", "a wrong password!"));
            secrets.add("a wrong password!");
            String verify = app.lastToken(Mailer.Kind.EMAIL_VERIFICATION, ada.email());
            secrets.add(verify);
            app.call("POST", "/v1/email-verifications", null, Map.of("token", verify));
            app.call("POST", "/v1/email-verifications", null, Map.of("token", verify)); // reused: a 400
            app.call("PUT", "/v1/me/password", ada.token(), Map.of("currentPassword", PASSWORD, "newPassword", "the second password"));
            secrets.add("the second password");
            app.call("POST", "/v1/password-resets", null, Map.of("email", ada.email()));
            String reset = app.lastToken(Mailer.Kind.PASSWORD_RESET, ada.email());
            secrets.add(reset);
            app.call("POST", "/v1/password-resets/complete", null, Map.of("token", reset, "newPassword", "the third password"));
            secrets.add("the third password");
            String session = app.signIn("ada", "the third password");
            secrets.add(session);
            app.call("GET", "/v1/me", session, null);
            app.call("GET", "/v1/me", session + "x", null); // an invalid token: a 401
            String jwt = app.acme.token("logged-subject", app.clock.instant(), Map.of());
            secrets.add(jwt);
            app.call("GET", "/v1/me", jwt, null);
            app.call("GET", "/v1/me", app.acme.expiredToken("logged-subject", app.clock.instant()), null);
            app.call("DELETE", "/v1/sessions/current", session, null);
            var hashes = app.identity.accounts(); // the stored password hash of ada, read straight from the database
            try (var c = dataSource.getConnection(); var rows = c.createStatement().executeQuery("select hash from password_credentials")) {
                while (rows.next()) {
                    secrets.add(rows.getString(1));
                    secrets.add(rows.getString(1).substring(rows.getString(1).lastIndexOf('$') + 1));
                }
            }
            assertTrue(hashes != null);
        } finally {
            root.detachAppender(appender);
            root.setLevel(rootLevel);
            praxis.setLevel(null);
            access.setLevel(null);
        }
        for (String token : List.copyOf(secrets)) {
            byte[] hash = BearerTokens.hash(token);
            secrets.add(HexFormat.of().formatHex(hash));
            secrets.add(Base64.getEncoder().encodeToString(hash));
            secrets.add(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        }

        var lines = new ArrayList<String>();
        for (var event : appender.list) {
            lines.add(event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"path\":\"/v1/sessions\"")), "the access log was captured");
        assertTrue(lines.stream().anyMatch(l -> l.contains("PASSWORD_RESET mail to s***@example.org")), "the mail note was captured");
        for (String secret : secrets) {
            for (String line : lines) {
                assertFalse(line.contains(secret), "a secret appears in the log: " + line);
            }
        }
        assertEquals(0, lines.stream().filter(l -> l.contains("argon2id")).count());
    }
}
