package org.praxis.bootstrap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the machine's CPU went during a phase, from {@code /proc}: how busy all cores were, and the shares
 * of the processes that take part (PostgreSQL's, the services', the bench's own load generator); the rest
 * is other processes and the kernel. A latency figure on a saturated machine is the wait for a core, and
 * this says whether it was saturated and by whom.
 */
final class MachineCpu {
    private static final double CLOCK_TICKS = 100.0;
    private static final String OTHER = "other processes";

    private final Map<String, Long> pids;

    /** {@code pids}: the processes to name, by label, in the order to report them; PostgreSQL's are found by their name. */
    MachineCpu(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
    }

    /** CPU seconds so far, of the machine (busy and all) and of each process group. */
    record Reading(double busy, double all, Map<String, Double> groups) {
    }

    Reading read() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < cpu.length; i++) {
                all += Long.parseLong(cpu[i]);
            }
            // idle and iowait
            long idle = Long.parseLong(cpu[4]) + (cpu.length > 5 ? Long.parseLong(cpu[5]) : 0);
            var groups = new LinkedHashMap<String, Double>();
            groups.put("PostgreSQL", postgres());
            pids.forEach((label, pid) -> groups.put(label, seconds(pid)));
            return new Reading((all - idle) / CLOCK_TICKS, all / CLOCK_TICKS, groups);
        } catch (IOException | RuntimeException e) {
            return new Reading(Double.NaN, Double.NaN, Map.of());
        }
    }

    /** "machine busy 97% of 2 cores; PostgreSQL 41%, service A 30%, ..., other processes 3%" (shares of the machine). */
    static String between(Reading before, Reading after) {
        double all = after.all() - before.all();
        if (Double.isNaN(all) || all <= 0) {
            return "machine CPU: not readable";
        }
        var text = new StringBuilder(String.format(Locale.ROOT, "machine busy %.0f%% of %d cores",
                (after.busy() - before.busy()) / all * 100, Runtime.getRuntime().availableProcessors()));
        double known = 0;
        for (var e : after.groups().entrySet()) {
            double used = e.getValue() - before.groups().getOrDefault(e.getKey(), 0.0);
            known += used;
            text.append(String.format(Locale.ROOT, "; %s %.0f%%", e.getKey(), used / all * 100));
        }
        double other = Math.max(0, after.busy() - before.busy() - known);
        text.append(String.format(Locale.ROOT, "; %s %.0f%%", OTHER, other / all * 100));
        return text.toString();
    }

    private static double postgres() throws IOException {
        double total = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.equals("postgres") || comm.startsWith("postgres:")) {
                        total += seconds(stat);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        }
        return total;
    }

    private static double seconds(long pid) {
        try {
            return seconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double seconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
    }
}
