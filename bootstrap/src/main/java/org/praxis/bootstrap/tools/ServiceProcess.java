package org.praxis.bootstrap.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.praxis.bootstrap.Main;

/**
 * One {@code praxis serve} as a child process of an operator tool (the bench, the fault run): this very
 * jar (or, run from classes as in the tests, this class path) with an environment of its own, on a free
 * port that it keeps across restarts, its output in a log file. Its memory and CPU time are read from
 * /proc like any server's. {@link #kill()} is SIGKILL: {@link Process#destroyForcibly()} on Linux sends
 * signal 9, and the exit status is then 137 (128 + 9).
 */
public final class ServiceProcess implements AutoCloseable {
    /** USER_HZ: the unit of utime and stime in /proc/<pid>/stat on Linux. */
    private static final double CLOCK_TICKS = 100.0;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path log;
    private Process process;
    private double secondsToReady = Double.NaN;

    /** Not started yet: {@code environment} is added to this process's own; PORT is set to the port chosen here. */
    public ServiceProcess(String name, Map<String, String> environment, List<String> jvmOptions, Path log) {
        this.name = name;
        this.port = freePort();
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = log;
    }

    /** Starts it and waits until /health/ready answers 200 (see {@link #awaitReady}); closes it if it never does. */
    public static ServiceProcess started(String name, Map<String, String> environment, List<String> jvmOptions, Path log,
            Duration readyWithin) {
        var service = new ServiceProcess(name, environment, jvmOptions, log);
        long began = System.nanoTime();
        service.start();
        try {
            service.awaitReady(readyWithin);
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        service.secondsToReady = (System.nanoTime() - began) / 1e9;
        return service;
    }

    /** Starts the process, or starts it again after it ended (same port); the first start begins a new log, a restart appends to it. */
    public synchronized void start() {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launcher());
        command.add("serve");
        var output = process == null ? ProcessBuilder.Redirect.to(log.toFile()) : ProcessBuilder.Redirect.appendTo(log.toFile());
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().putIfAbsent("LOG_LEVEL", "WARN");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Polls /health/ready until it answers 200; fails at once if the process ended, with the end of its log. */
    public void awaitReady(Duration within) {
        awaitReady(name, base(), this::alive, () -> "exited with " + exitValue() + " before it was ready; see " + log + ": " + tail(log), within);
    }

    /**
     * Polls {@code base}/health/ready until it answers 200, or until {@code within} has passed; {@code alive} is
     * asked between polls so that a service that ended fails the wait at once ({@code whyEnded} says how).
     */
    public static void awaitReady(String name, URI base, BooleanSupplier alive, Supplier<String> whyEnded, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var response = HTTP.send(HttpRequest.newBuilder(base.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(name + " " + whyEnded.get());
            }
            try {
                Thread.sleep(50); // a poll with a deadline: the child is another process
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready within " + within.toSeconds() + " s");
    }

    /** How to launch this very build: its jar when run from one, else its class path. */
    public static List<String> launcher() {
        try {
            Path source = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(source) && source.toString().endsWith(".jar")) {
                return List.of("-jar", source.toString());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the class path
        }
        return List.of("-cp", System.getProperty("java.class.path"), Main.class.getName());
    }

    public String name() {
        return name;
    }

    /** The file its output (the log, access lines included) goes to. */
    public Path log() {
        return log;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI uri(String path) {
        return base().resolve(path);
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** Seconds from {@link #started} to ready; NaN when it was started otherwise. */
    public double secondsToReady() {
        return secondsToReady;
    }

    /** SIGKILL, and its exit status once it is gone (137 = 128 + 9 on Linux; -1 if interrupted). */
    public synchronized int kill() {
        process.destroyForcibly();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGTERM, so the service finishes what it has in flight; SIGKILL if it takes longer than {@code grace}. */
    public synchronized void stop(Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    /** A field of /proc/<pid>/status in MiB (VmRSS: resident now, VmHWM: the peak). */
    public double memoryMib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** CPU seconds used so far (user + system), from /proc/<pid>/stat. */
    public double cpuSeconds() {
        try {
            return cpuSeconds(Files.readString(Path.of("/proc", Long.toString(pid()), "stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU seconds so far per kind of thread (its name with digits as #), from /proc/<pid>/task/<tid>/stat and comm. */
    public Map<String, Double> cpuSecondsByThread() {
        var byName = new TreeMap<String, Double>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String thread = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    byName.merge(thread, cpuSeconds(Files.readString(task.resolve("stat"))), Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return byName;
    }

    /** The threads that used the most CPU between two {@link #cpuSecondsByThread()} readings, as text. */
    public static String topThreads(Map<String, Double> before, Map<String, Double> after, int limit) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(limit)
                .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue()))
                .toList().toString();
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", port " + port + ")";
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized int exitValue() {
        return process.exitValue();
    }

    /** utime + stime of a /proc stat line; the command name may hold spaces, so fields are counted after its closing parenthesis. */
    private static double cpuSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
