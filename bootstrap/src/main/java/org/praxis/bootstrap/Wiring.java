package org.praxis.bootstrap;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.praxis.application.identity.AccountService;
import org.praxis.application.identity.BearerTokens;
import org.praxis.application.identity.CredentialService;
import org.praxis.application.identity.IdentitySettings;
import org.praxis.application.identity.SignInService;
import org.praxis.application.identity.port.out.IdentityProviders;
import org.praxis.application.identity.port.out.Mailer;
import org.praxis.application.operations.ReadinessService;
import org.praxis.http.HttpApi;
import org.praxis.http.identity.IdentityRoutes;
import org.praxis.http.json.Json;
import org.praxis.http.operations.OpenApiDocument;
import org.praxis.http.operations.OperationsRoutes;
import org.praxis.mail.identity.LogMailer;
import org.praxis.persistence.common.ChannelListener;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.common.JooqTransactions;
import org.praxis.persistence.identity.BearerCache;
import org.praxis.persistence.identity.CachingSessions;
import org.praxis.persistence.identity.JooqAccounts;
import org.praxis.persistence.identity.JooqCredentials;
import org.praxis.persistence.identity.JooqExternalIdentities;
import org.praxis.persistence.identity.JooqFailedSignIns;
import org.praxis.persistence.identity.JooqLearnerStandings;
import org.praxis.persistence.identity.JooqOneTimeTokens;
import org.praxis.persistence.identity.JooqSessions;
import org.praxis.persistence.operations.JdbcDatabaseProbe;
import org.praxis.security.identity.Argon2Parameters;
import org.praxis.security.identity.Argon2idPasswordHasher;
import org.praxis.security.identity.JwtIdentityProviders;
import org.praxis.security.identity.ProviderSettings;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Plain {@code new}: adapters into ports into services into routes. The only class that sees everything. */
public final class Wiring {
    private Wiring() {
    }

    /** What identity is configured with (IdentityOptions in production; tests choose a clock, cheap hashing, a mailer). */
    public record IdentityConfig(Clock clock, Argon2Parameters argon2, IdentitySettings settings, Mailer mailer,
            List<ProviderSettings> providers, boolean trustForwardedFor) {
        public IdentityConfig {
            Objects.requireNonNull(clock);
            Objects.requireNonNull(argon2);
            Objects.requireNonNull(settings);
            Objects.requireNonNull(mailer);
            providers = List.copyOf(providers);
        }

        public static IdentityConfig defaults() {
            return new IdentityConfig(Clock.systemUTC(), Argon2Parameters.DEFAULT, IdentitySettings.defaults("http://localhost:7070"),
                    new LogMailer(), List.of(), false);
        }
    }

    /** The identity services, wired on PostgreSQL. */
    /**
     * The identity services, wired on PostgreSQL; {@code bearers} holds the token checks, and answers from
     * them only while a {@link ChannelListener} on {@link BearerCache#CHANNEL} feeds it (a serving instance).
     */
    public record Identity(AccountService accounts, SignInService signIn, CredentialService credentials, BearerTokens tokens,
            BearerCache bearers) {
        /** Starts hearing every instance's access changes, so that token checks may be answered from memory. */
        public ChannelListener listen(DataSource dataSource) {
            return new ChannelListener(BearerCache.CHANNEL, ChannelListener.Connector.outsidePool(dataSource), bearers).start();
        }
    }

    public static HttpApi httpApi(DataSource dataSource, PrometheusMeterRegistry registry) {
        return httpApi(dataSource, registry, IdentityConfig.defaults());
    }

    public static HttpApi httpApi(DataSource dataSource, PrometheusMeterRegistry registry, IdentityConfig identityConfig) {
        return httpApi(dataSource, registry, identityConfig, GradingSettings.fromEnv(System.getenv()));
    }

    public static HttpApi httpApi(DataSource dataSource, PrometheusMeterRegistry registry, IdentityConfig identityConfig,
            GradingSettings grading) {
        return httpApi(dataSource, registry, identity(dataSource, identityConfig), identityConfig, grading);
    }

    /**
     * As above, serving {@code identity} (made by {@link #identity} with {@code identityConfig}), so that a test
     * can use the very services, and bearer cache, the routes use. The API starts its bearer listener.
     */
    public static HttpApi httpApi(DataSource dataSource, PrometheusMeterRegistry registry, Identity identity,
            IdentityConfig identityConfig, GradingSettings grading) {
        var json = new Json();
        var identityRoutes = new IdentityRoutes(new IdentityRoutes.UseCases(identity.signIn(), identity.accounts(),
                identity.signIn(), identity.signIn(), identity.accounts(), identity.credentials(), identity.credentials(),
                identity.accounts(), identity.signIn(), identity.accounts()), json, identityConfig.trustForwardedFor());
        var sandbox = SandboxWiring.graders(dataSource, System.getenv());
        var content = ContentWiring.content(dataSource, Clock.systemUTC(), true, SandboxWiring.references(sandbox));
        var learning = LearningWiring.learning(dataSource, identityConfig.clock(), json, SandboxWiring.orNone(sandbox),
                content.cache(), grading);
        var readiness = new ReadinessService(new JdbcDatabaseProbe(dataSource), Map.of("boards", learning.boardsReady()));
        var routes = new java.util.ArrayList<org.praxis.http.FeatureRoutes>(List.of(
                new OperationsRoutes(readiness, registry, OpenApiDocument.load(), json),
                identityRoutes,
                content.catalogueRoutes(),
                content.authoringRoutes(json)));
        routes.addAll(learning.routes());
        // the workers stop before the sandbox they grade with closes
        bearerMetrics(registry, identity.bearers());
        var api = HttpApi.create(routes, registry, json).closing(content).closing(learning.workers())
                .closing(identity.listen(dataSource));
        sandbox.ifPresent(api::closing);
        return api;
    }

    /** How the bearer cache does: its entries, and the token checks it answered or left to the database. */
    private static void bearerMetrics(PrometheusMeterRegistry registry, BearerCache bearers) {
        Gauge.builder("praxis.bearer.cache.entries", bearers, BearerCache::size)
                .description("Token checks this instance holds in memory").register(registry);
        FunctionCounter.builder("praxis.bearer.checks", bearers, BearerCache::answeredFromMemory)
                .tag("answered", "memory").description("Bearer-token checks, by where they were answered").register(registry);
        FunctionCounter.builder("praxis.bearer.checks", bearers, BearerCache::askedOfTheDatabase)
                .tag("answered", "database").description("Bearer-token checks, by where they were answered").register(registry);
    }

    public static Identity identity(DataSource dataSource, IdentityConfig config) {
        var dsl = Jooq.over(dataSource);
        var tx = new JooqTransactions(dsl);
        var random = new SecureRandom();
        var tokens = new BearerTokens(random);
        // memory-hard hashing: no more at once than there are cores, so a burst cannot exhaust the heap
        var hasher = new Argon2idPasswordHasher(config.argon2(), random, Runtime.getRuntime().availableProcessors());
        var bearers = new BearerCache();
        var accounts = new JooqAccounts(dsl, bearers);
        var credentials = new JooqCredentials(dsl);
        var sessions = new CachingSessions(new JooqSessions(dsl), bearers);
        var oneTimeTokens = new JooqOneTimeTokens(dsl);
        var identities = new JooqExternalIdentities(dsl);
        IdentityProviders providers = config.providers().isEmpty() ? IdentityProviders.none()
                : new JwtIdentityProviders(config.providers(), config.clock());
        var accountService = new AccountService(new AccountService.Ports(accounts, credentials, hasher, oneTimeTokens, sessions,
                identities, new JooqLearnerStandings(dsl, config.clock()), config.mailer(), tx), tokens, config.settings(), config.clock());
        var signIn = new SignInService(new SignInService.Ports(accounts, credentials, hasher, sessions, new JooqFailedSignIns(dsl),
                identities, providers, tx), tokens, config.settings(), config.clock());
        var credentialService = new CredentialService(new CredentialService.Ports(accounts, credentials, hasher, sessions,
                oneTimeTokens, config.mailer(), tx), tokens, config.settings(), config.clock());
        return new Identity(accountService, signIn, credentialService, tokens, bearers);
    }
}
