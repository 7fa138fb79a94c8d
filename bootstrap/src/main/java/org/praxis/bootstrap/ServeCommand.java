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

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        settings.check();
        Logging.level(settings.logLevel());
        var log = LoggerFactory.getLogger(ServeCommand.class);
        var registry = Metrics.registry();
        var database = Database.open(settings, registry);
        HttpApi http;
        try {
            database.migrate();
            http = start(Wiring.httpApi(database.dataSource(), registry), settings.port());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping: finishing requests in flight");
            http.stop();
            database.close();
            log.info("stopped");
            stopped.countDown();
        }, "praxis-shutdown"));
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
