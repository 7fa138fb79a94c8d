package org.praxis.bootstrap.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed-loop HTTP load: {@code clients} threads each send one request, wait for its answer, and send the
 * next, for a fixed time; optionally paced to a total rate. Every answer's latency is recorded under the
 * request's kind; answers other than 2xx are counted as errors (and their latency is kept out of the figures).
 */
final class HttpLoad {
    /** One request to send, and the kind its latency is recorded under. */
    record Call(String kind, HttpRequest request) {
    }

    interface Calls {
        Call next(int client, ThreadLocalRandom random);
    }

    record Result(double seconds, long ok, long errors, java.util.Map<String, Latencies> latencies, List<String> firstErrors) {
        double perSecond() {
            return ok / seconds;
        }

        Latencies all() {
            var all = new Latencies();
            latencies.values().forEach(all::addAll);
            return all;
        }
    }

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HttpLoad() {
    }

    /** Runs {@code clients} loops for {@code duration}; {@code perSecond} > 0 paces all of them together to that rate. */
    static Result run(int clients, Duration duration, double perSecond, Calls calls) throws InterruptedException {
        var latencies = new java.util.concurrent.ConcurrentHashMap<String, Latencies>();
        var ok = new AtomicLong();
        var errors = new AtomicLong();
        var firstErrors = java.util.Collections.synchronizedList(new ArrayList<String>());
        long interval = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        var nextSlot = new AtomicLong(start);
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            var thread = new Thread(() -> {
                var random = ThreadLocalRandom.current();
                while (true) {
                    if (interval > 0) {
                        long slot = nextSlot.getAndAdd(interval);
                        if (slot >= end) {
                            return;
                        }
                        long wait = slot - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    if (System.nanoTime() >= end) {
                        return;
                    }
                    Call call = calls.next(client, random);
                    long sent = System.nanoTime();
                    try {
                        var response = CLIENT.send(call.request(), HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - sent;
                        if (response.statusCode() / 100 == 2) {
                            ok.incrementAndGet();
                            latencies.computeIfAbsent(call.kind(), k -> new Latencies()).add(took);
                        } else {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 3) {
                                firstErrors.add(response.statusCode() + " " + abbreviate(response.body()));
                            }
                        }
                    } catch (java.io.IOException e) {
                        errors.incrementAndGet();
                        if (firstErrors.size() < 3) {
                            firstErrors.add(e.toString());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "bench-client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (var thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(seconds, ok.get(), errors.get(), new java.util.TreeMap<>(latencies), List.copyOf(firstErrors));
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
