package org.praxis.bootstrap.reliability;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.praxis.bootstrap.tools.ServiceProcess;

/**
 * A fault-run instance that is a real {@code praxis serve} process: killed with SIGKILL, started again on
 * the same port, its output appended to one log across restarts.
 */
final class ChildInstance implements FaultRun.Service {
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC");

    private final ServiceProcess process;

    ChildInstance(String name, Map<String, String> environment, Path log) {
        this.process = new ServiceProcess(name, environment, JVM_OPTIONS, log);
    }

    @Override
    public String name() {
        return process.name();
    }

    @Override
    public URI base() {
        return process.base();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public void start() {
        process.start();
    }

    @Override
    public String kill() {
        int status = process.kill();
        return status == 137 ? "killed with SIGKILL (exit status 137 = 128 + 9)"
                : "killed with destroyForcibly, but its exit status was " + status + ", not 137 (SIGKILL)";
    }

    @Override
    public boolean alive() {
        return process.alive();
    }

    /** SIGTERM, so the service finishes what it has in flight; SIGKILL if it takes longer than 20 s. */
    @Override
    public void stop() {
        process.stop(Duration.ofSeconds(20));
    }
}
