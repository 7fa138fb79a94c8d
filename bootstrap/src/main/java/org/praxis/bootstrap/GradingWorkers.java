package org.praxis.bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.praxis.application.progress.GradingWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background threads that run grading workers until closed (with the server). */
final class GradingWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GradingWorkers.class);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final Object idle = new Object();

    private GradingWorkers() {
    }

    static GradingWorkers start(List<GradingWorker> workers, Duration idlePoll) {
        var pool = new GradingWorkers();
        for (var worker : workers) {
            var thread = new Thread(() -> pool.loop(worker, idlePoll), "grading-worker-" + (pool.threads.size() + 1));
            thread.setDaemon(true);
            pool.threads.add(thread);
            thread.start();
        }
        return pool;
    }

    private void loop(GradingWorker worker, Duration idlePoll) {
        while (running.get()) {
            boolean worked = false;
            try {
                worked = worker.runOnce();
            } catch (RuntimeException e) {
                LOG.warn("grading worker {} failed to run a job", worker.name(), e);
            }
            if (!worked) {
                synchronized (idle) {
                    try {
                        if (running.get()) {
                            idle.wait(idlePoll.toMillis());
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        synchronized (idle) {
            idle.notifyAll();
        }
        for (var thread : threads) {
            thread.join(10_000);
        }
    }
}
