package org.praxis.bootstrap;

import java.net.BindException;
import java.util.concurrent.CountDownLatch;

import org.praxis.http.HttpApi;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Migrate the database and serve the HTTP API until stopped (SIGTERM or Ctrl-C stop it gracefully).")
final class ServeCommand implements Runnable {
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
        // stopped by this command's own hook, after the requests in flight (see Database.open)
        var database = Database.open(settings, registry, java.util.Map.of(), false);
        var serving = new java.util.concurrent.atomic.AtomicReference<HttpApi>();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                var running = serving.get();
                if (running != null) {
                    log.info("stopping: finishing requests in flight");
                    running.stop();
                    closeMailer(identityConfig);
                }
            } finally {
                database.close();
            }
            if (serving.get() != null) {
                log.info("stopped");
            }
            // writes out the access lines still queued for the console (logback.xml: ACCESS_ASYNC)
            if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logging) {
                logging.stop();
            }
            stopped.countDown();
        }, "praxis-shutdown"));
        HttpApi http;
        try {
            database.migrate();
            AdminBootstrap.run(Wiring.identity(database.dataSource(), identityConfig), identity,
                    settings.databaseUrl().isEmpty(), spec.commandLine().getOut());
            if (content.demo(settings)) {
                DemoContent.load(database.dataSource());
            }
            http = start(Wiring.httpApi(database.dataSource(), registry, identityConfig), settings.port());
        } catch (RuntimeException e) {
            database.close();
            closeMailer(identityConfig);
            throw e;
        }
        serving.set(http);
        log.info("database: {}", database.location());
        spec.commandLine().getOut().println("Praxis is serving http://localhost:" + http.port() + " (OpenAPI at http://localhost:"
                + http.port() + "/openapi.json)");
        spec.commandLine().getOut().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
