package org.praxis.bootstrap;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.praxis.application.identity.IdentitySettings;
import org.praxis.mail.identity.LogMailer;
import org.praxis.mail.identity.SmtpMailer;
import org.praxis.mail.identity.SmtpSettings;
import org.praxis.security.identity.Argon2Parameters;
import org.praxis.security.identity.ProviderSettings;

import picocli.CommandLine.Option;

/**
 * Identity settings shared by {@code serve} and {@code users}: password hashing cost, session lifetime,
 * mail, the first admin, and the trusted identity providers (from PRAXIS_IDP_&lt;NAME&gt;_* variables).
 * docs/configuration.md lists them all.
 */
public final class IdentityOptions {
    private static final Pattern IDP_ISSUER = Pattern.compile("PRAXIS_IDP_([A-Z0-9_]+?)_ISSUER");

    @Option(names = "--public-url", defaultValue = "${env:PRAXIS_PUBLIC_URL:-http://localhost:7070}",
            description = "Where learners open the links of verification and reset mails (the front end). Env: PRAXIS_PUBLIC_URL. Default: ${DEFAULT-VALUE}.")
    String publicUrl;

    @Option(names = "--session-days", defaultValue = "${env:PRAXIS_SESSION_DAYS:-30}",
            description = "Days a sign-in token stays valid (1..365). Env: PRAXIS_SESSION_DAYS. Default: ${DEFAULT-VALUE}.")
    int sessionDays;

    @Option(names = "--argon2-memory-kib", defaultValue = "${env:PRAXIS_ARGON2_MEMORY_KIB:-19456}",
            description = "argon2id memory per password hash, KiB. Env: PRAXIS_ARGON2_MEMORY_KIB. Default: ${DEFAULT-VALUE}.")
    int argon2MemoryKib;

    @Option(names = "--argon2-iterations", defaultValue = "${env:PRAXIS_ARGON2_ITERATIONS:-2}",
            description = "argon2id passes. Env: PRAXIS_ARGON2_ITERATIONS. Default: ${DEFAULT-VALUE}.")
    int argon2Iterations;

    @Option(names = "--argon2-parallelism", defaultValue = "${env:PRAXIS_ARGON2_PARALLELISM:-1}",
            description = "argon2id lanes. Env: PRAXIS_ARGON2_PARALLELISM. Default: ${DEFAULT-VALUE}.")
    int argon2Parallelism;

    @Option(names = "--smtp-host", defaultValue = "${env:PRAXIS_SMTP_HOST}",
            description = "SMTP server for verification and reset mail. Absent: mails are only noted in the log (without their link). Env: PRAXIS_SMTP_HOST.")
    String smtpHost;

    @Option(names = "--smtp-port", defaultValue = "${env:PRAXIS_SMTP_PORT:-587}",
            description = "SMTP port. Env: PRAXIS_SMTP_PORT. Default: ${DEFAULT-VALUE}.")
    int smtpPort;

    @Option(names = "--smtp-username", defaultValue = "${env:PRAXIS_SMTP_USERNAME}",
            description = "SMTP user, when the server wants one. Env: PRAXIS_SMTP_USERNAME.")
    String smtpUsername;

    @Option(names = "--smtp-password", defaultValue = "${env:PRAXIS_SMTP_PASSWORD}",
            description = "SMTP password. Env: PRAXIS_SMTP_PASSWORD. Never logged.")
    String smtpPassword;

    @Option(names = "--smtp-from", defaultValue = "${env:PRAXIS_SMTP_FROM:-Praxis <no-reply@praxis.invalid>}",
            description = "Sender of Praxis' mail. Env: PRAXIS_SMTP_FROM. Default: ${DEFAULT-VALUE}.")
    String smtpFrom;

    @Option(names = "--smtp-starttls", defaultValue = "${env:PRAXIS_SMTP_STARTTLS:-true}", arity = "1",
            description = "Require STARTTLS (turn off only for a local test server). Env: PRAXIS_SMTP_STARTTLS. Default: ${DEFAULT-VALUE}.")
    boolean smtpStartTls;

    @Option(names = "--admin-username", defaultValue = "${env:PRAXIS_ADMIN_USERNAME}",
            description = "With --admin-password: make sure this admin exists at start. Env: PRAXIS_ADMIN_USERNAME.")
    String adminUsername;

    @Option(names = "--admin-password", defaultValue = "${env:PRAXIS_ADMIN_PASSWORD}",
            description = "The admin's password (at least 10 characters). Env: PRAXIS_ADMIN_PASSWORD. Never logged.")
    String adminPassword;

    @Option(names = "--admin-email", defaultValue = "${env:PRAXIS_ADMIN_EMAIL}",
            description = "The admin's e-mail when it is created. Env: PRAXIS_ADMIN_EMAIL. Default: <username>@praxis.invalid.")
    String adminEmail;

    @Option(names = "--trust-forwarded-for", defaultValue = "${env:PRAXIS_TRUST_FORWARDED_FOR:-false}", arity = "1",
            description = "Take the client address (for sign-in throttling) from the last X-Forwarded-For entry; only behind exactly one reverse proxy. Env: PRAXIS_TRUST_FORWARDED_FOR. Default: ${DEFAULT-VALUE}.")
    boolean trustForwardedFor;

    public Argon2Parameters argon2() {
        try {
            return new Argon2Parameters(argon2MemoryKib, argon2Iterations, argon2Parallelism);
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("PRAXIS_ARGON2_*: " + e.getMessage());
        }
    }

    public IdentitySettings identitySettings() {
        if (sessionDays < 1 || sessionDays > 365) {
            throw new StartupFailure("PRAXIS_SESSION_DAYS must be between 1 and 365, was " + sessionDays);
        }
        if (publicUrl == null || !(publicUrl.startsWith("http://") || publicUrl.startsWith("https://"))) {
            throw new StartupFailure("PRAXIS_PUBLIC_URL must be an http(s) URL, was " + publicUrl);
        }
        return IdentitySettings.defaults(publicUrl).withSessionLifetime(Duration.ofDays(sessionDays));
    }

    /** The SMTP mailer when PRAXIS_SMTP_HOST is set, else the log-only one. */
    public org.praxis.application.identity.port.out.Mailer mailer() {
        if (smtpHost == null || smtpHost.isBlank()) {
            return new LogMailer();
        }
        try {
            return new SmtpMailer(new SmtpSettings(smtpHost, smtpPort, Optional.ofNullable(blankToNull(smtpUsername)),
                    Optional.ofNullable(blankToNull(smtpPassword)), smtpFrom, smtpStartTls));
        } catch (IllegalArgumentException e) {
            throw new StartupFailure(e.getMessage());
        }
    }

    public Optional<String> adminUsername() {
        return Optional.ofNullable(blankToNull(adminUsername));
    }

    public Optional<String> adminPassword() {
        return Optional.ofNullable(blankToNull(adminPassword));
    }

    public String adminEmail(String username) {
        return adminEmail == null || adminEmail.isBlank() ? username.toLowerCase(Locale.ROOT) + "@praxis.invalid" : adminEmail;
    }

    public boolean trustForwardedFor() {
        return trustForwardedFor;
    }

    /** Everything identity needs, from these options and the environment's PRAXIS_IDP_* variables. */
    public Wiring.IdentityConfig config(Map<String, String> environment) {
        return new Wiring.IdentityConfig(Clock.systemUTC(), argon2(), identitySettings(), mailer(),
                identityProviders(environment), trustForwardedFor);
    }

    /**
     * One provider per {@code PRAXIS_IDP_<NAME>_ISSUER}, with {@code _AUDIENCE}, one of {@code _JWKS_URL} and
     * {@code _PUBLIC_KEY} (PEM), and optionally {@code _ALGORITHMS} (comma-separated; default RS256,ES256).
     */
    static List<ProviderSettings> identityProviders(Map<String, String> environment) {
        var names = new TreeSet<String>();
        for (String key : environment.keySet()) {
            var matcher = IDP_ISSUER.matcher(key);
            if (matcher.matches()) {
                names.add(matcher.group(1));
            }
        }
        var providers = new ArrayList<ProviderSettings>();
        for (String name : names) {
            String prefix = "PRAXIS_IDP_" + name + "_";
            try {
                Set<String> algorithms = Optional.ofNullable(blankToNull(environment.get(prefix + "ALGORITHMS")))
                        .map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                                .collect(Collectors.toSet()))
                        .orElse(Set.of());
                providers.add(new ProviderSettings(name.toLowerCase(Locale.ROOT), environment.get(prefix + "ISSUER"),
                        environment.get(prefix + "AUDIENCE"),
                        Optional.ofNullable(blankToNull(environment.get(prefix + "JWKS_URL"))).map(URI::create),
                        Optional.ofNullable(blankToNull(environment.get(prefix + "PUBLIC_KEY"))), algorithms));
            } catch (IllegalArgumentException e) {
                throw new StartupFailure(prefix + "*: " + e.getMessage());
            }
        }
        return providers;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
