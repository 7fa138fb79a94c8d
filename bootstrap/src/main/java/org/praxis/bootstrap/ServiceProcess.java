package org.praxis.bootstrap;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code praxis serve} as a child process of the fault run: this very jar (or, run from classes as in
 * the tests, this class path) with DATABASE_URL pointing at the run's PostgreSQL, on a port of its own
 * that it keeps across restarts. Killing it is SIGKILL: {@link Process#destroyForcibly()} on Linux sends
 * signal 9, and the exit status reported is then 137 (128 + 9).
 */
final class ServiceProcess implements FaultRun.Service {
    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    ServiceProcess(String name, Map<String, String> environment, Path log) {
        this.name = name;
        this.port = freePort();
        this.environment = environment;
        this.log = log;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public synchronized void start() {
        var builder = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("PRAXIS_DEMO", "false");
        builder.environment().putIfAbsent("LOG_LEVEL", "WARN");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    @Override
    public synchronized String kill() {
        process.destroyForcibly();
        int status = waitFor(process);
        return status == 137 ? "killed with SIGKILL (exit status 137 = 128 + 9)"
                : "killed with destroyForcibly, but its exit status was " + status + ", not 137 (SIGKILL)";
    }

    @Override
    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, so the service finishes what it has in flight; SIGKILL if it takes longer than 20 s. */
    @Override
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static List<String> command() {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC"));
        Path code = codeSource();
        if (code.toString().endsWith(".jar")) {
            command.addAll(List.of("-jar", code.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        command.add("serve");
        return command;
    }

    private static Path codeSource() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            return Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
