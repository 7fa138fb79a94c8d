package org.praxis.bootstrap.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.praxis.bootstrap.Main;

/**
 * The service under test as a child process ({@code java -jar praxis.jar serve}, or the same class path
 * when run from classes), so that its memory and CPU time can be read from /proc like any server's.
 */
final class ServiceProcess implements AutoCloseable {
    private static final Duration READY_DEADLINE = Duration.ofSeconds(180);
    /** USER_HZ: the unit of utime and stime in /proc/<pid>/stat on Linux. */
    private static final double CLOCK_TICKS = 100.0;

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final double secondsToReady;

    private ServiceProcess(String name, Process process, int port, Path log, double secondsToReady) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.secondsToReady = secondsToReady;
    }

    /** Starts {@code serve} with {@code env} added to this process's environment and waits until it is ready. */
    static ServiceProcess start(String name, Map<String, String> env, List<String> jvmOptions, Path folder)
            throws IOException, InterruptedException {
        int port = freePort();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launcher());
        command.add("serve");
        Path log = folder.resolve(name + ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().putIfAbsent("LOG_LEVEL", "WARN");
        long started = System.nanoTime();
        var process = builder.start();
        var service = new ServiceProcess(name, process, port, log, 0);
        long deadline = started + READY_DEADLINE.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see " + log
                        + ": " + tail(log));
            }
            if (service.ready()) {
                return new ServiceProcess(name, process, port, log, (System.nanoTime() - started) / 1e9);
            }
            if (System.nanoTime() > deadline) {
                service.close();
                throw new IllegalStateException(name + " was not ready within " + READY_DEADLINE + "; see " + log);
            }
            Thread.sleep(50);
        }
    }

    /** How to launch this very build: its jar when run from one, else its class path. */
    static List<String> launcher() {
        try {
            Path source = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(source) && source.toString().endsWith(".jar")) {
                return List.of("-jar", source.toString());
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // fall through to the class path
        }
        return List.of("-cp", System.getProperty("java.class.path"), Main.class.getName());
    }

    private boolean ready() {
        try {
            var response = HttpLoad.CLIENT.send(HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    long pid() {
        return process.pid();
    }

    double secondsToReady() {
        return secondsToReady;
    }

    /** A field of /proc/<pid>/status in MiB (VmRSS: resident now, VmHWM: the peak). */
    double memoryMib(String field) {
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
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            // the command name may hold spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU seconds so far per kind of thread (its name with digits as #), from /proc/<pid>/task/<tid>/stat and comm. */
    Map<String, Double> cpuSecondsByThread() {
        var byName = new java.util.TreeMap<String, Double>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
                    byName.merge(name, seconds, Double::sum);
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
    static String topThreads(Map<String, Double> before, Map<String, Double> after, int limit) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(limit)
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue()))
                .toList().toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", port " + port + ")";
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
