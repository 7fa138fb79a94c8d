package org.praxis.bootstrap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MachineCpuTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void sharesAreOfTheWholeMachineAndTheRestIsOtherProcesses() {
        var before = new MachineCpu.Reading(100, 400, groups(10, 20, 1));
        // 40 s of all cores passed, 36 of them busy: PostgreSQL 14, service A 12, the bench 4, so 6 elsewhere
        var after = new MachineCpu.Reading(136, 440, groups(24, 32, 5));

        assertEquals("machine busy 90% of " + CORES + " cores; PostgreSQL 35%; service A 30%; the bench 10%; other processes 15%",
                MachineCpu.between(before, after));
    }

    @Test
    void aReadingOfThisMachineCountsThisProcess() {
        var cpu = new MachineCpu(Map.of("this JVM", ProcessHandle.current().pid()));
        var thread = java.lang.management.ManagementFactory.getThreadMXBean();
        var first = cpu.read();
        // 0.3 s of this thread's own CPU, however long a loaded machine takes to give it (at most 20 s)
        long cpuStart = thread.getCurrentThreadCpuTime();
        long deadline = System.nanoTime() + 20_000_000_000L;
        long sum = 0;
        while (thread.getCurrentThreadCpuTime() - cpuStart < 300_000_000L && System.nanoTime() < deadline) {
            sum += Long.numberOfTrailingZeros(System.nanoTime());
        }
        var second = cpu.read();

        assertTrue(sum > 0);
        assertTrue(thread.getCurrentThreadCpuTime() - cpuStart >= 300_000_000L, "the spin got 0.3 s of CPU within 20 s");
        assertTrue(second.all() > first.all(), "the machine's clock moved");
        assertTrue(second.groups().get("this JVM") - first.groups().get("this JVM") >= 0.25,
                "a spin of 0.3 s of CPU shows in this process's CPU: " + first + " then " + second);
        assertTrue(second.busy() - first.busy() >= second.groups().get("this JVM") - first.groups().get("this JVM") - 0.1);
    }

    private static Map<String, Double> groups(double postgres, double serviceA, double bench) {
        var groups = new LinkedHashMap<String, Double>();
        groups.put("PostgreSQL", postgres);
        groups.put("service A", serviceA);
        groups.put("the bench", bench);
        return groups;
    }
}
