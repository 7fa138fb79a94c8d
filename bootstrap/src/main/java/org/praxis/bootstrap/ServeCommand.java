package org.praxis.bootstrap;

import java.net.BindException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.praxis.http.HttpApi;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Migrate the database and serve the HTTP API until stopped (SIGTERM or Ctrl-C stop it gracefully).")
final class ServeCommand implements Runnable {
    /** How long a stop during start-up waits for the database to be open before it closes it. */
    private static final java.time.Duration OPENING_LIMIT = java.time.Duration.ofSeconds(60);

    @Mixin
    Settings settings;

    @Mixin
    IdentityOptions identity;

    @Mixin
    ContentOptions content;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        settings.check();
        Logging.level(settings.logLevel());
        var log = LoggerFactory.getLogger(ServeCommand.class);
        var registry = Metrics.registry();
        var identityConfig = identity.config(System.getenv());
        // The embedded server is stopped by this command's own hook, after the requests in flight (see
        // Database.open). The hook is registered before the server starts: a stop while it starts waits
        // for it to be open, then closes it, so no server is left running.
        var opened = new CountDownLatch(1);
        var database = new AtomicReference<Database>();
        var serving = new AtomicReference<HttpApi>();
        var stopped = new CountDownLatch(1);
        var hook = new Thread(() -> stop(log, opened, database, serving, identityConfig, stopped), "praxis-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Database db;
        HttpApi http;
        try {
            try {
                db = Database.open(settings, registry, Map.of(), false);
                database.set(db);
            } finally {
                opened.countDown();
            }
            db.migrate();
            AdminBootstrap.run(Wiring.identity(db.dataSource(), identityConfig), identity,
                    settings.databaseUrl().isEmpty(), spec.commandLine().getOut());
            if (content.demo(settings)) {
                DemoContent.load(db.dataSource());
            }
            http = start(Wiring.httpApi(db.dataSource(), registry, identityConfig), settings.port());
        } catch (RuntimeException e) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException stopping) {
                // the hook is running: it closes what was opened
                throw e;
            }
            var opening = database.get();
            if (opening != null) {
                opening.close();
            }
            closeMailer(identityConfig);
            throw e;
        }
        serving.set(http);
        log.info("database: {}", db.location());
        spec.commandLine().getOut().println("Praxis is serving http://localhost:" + http.port() + " (OpenAPI at http://localhost:"
                + http.port() + "/openapi.json)");
        spec.commandLine().getOut().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(org.slf4j.Logger log, CountDownLatch opened, AtomicReference<Database> database,
            AtomicReference<HttpApi> serving, Wiring.IdentityConfig identityConfig, CountDownLatch stopped) {
        try {
            var running = serving.get();
            try {
                if (running != null) {
                    log.info("stopping: finishing requests in flight");
                    running.stop();
                }
            } finally {
                closeMailer(identityConfig);
                try {
                    opened.await(OPENING_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                var open = database.get();
                if (open != null) {
                    open.close();
                }
            }
            if (running != null) {
                log.info("stopped");
            }
        } finally {
            // writes out the access lines still queued for the console (logback.xml: ACCESS_ASYNC)
            if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logging) {
                logging.stop();
            }
            stopped.countDown();
        }
    }

    private static void closeMailer(Wiring.IdentityConfig config) {
        if (config.mailer() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(ServeCommand.class).warn("the mailer did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    private static HttpApi start(HttpApi http, int port) {
        try {
            return http.start(port);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new StartupFailure("port " + port + " is already in use; set PORT to a free port", e);
                }
            }
            throw e;
        }
    }
}
