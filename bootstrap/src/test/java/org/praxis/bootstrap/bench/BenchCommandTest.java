package org.praxis.bootstrap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.praxis.bootstrap.Main;

import picocli.CommandLine;

/**
 * {@code praxis bench --smoke} end to end: its own PostgreSQL, three service processes (two instances
 * and a cold start), every phase at tiny sizes; the report holds every figure's row with a number. The
 * figures themselves mean nothing at these sizes, so no goal is asserted.
 */
class BenchCommandTest {
    private static final List<String> MEASURED = List.of("P1 HTTP submissions per second", "P2 database round trips per submission",
            "P5 rank growth", "P6 board reads p50", "P6 board reads p99", "Service memory under P6", "P8 own rank exact",
            "P8 other learner's change visible on instance B", "P9 idle service CPU", "Cold start to /health/ready");

    @Test
    void aSmokeRunReportsEveryFigure(@TempDir Path folder) throws Exception {
        Path report = folder.resolve("bench.md");
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("bench", "--smoke", "--work-dir", folder.resolve("work").toString(), "--report", report.toString(),
                        // the services run on this test's class path, whose logback-test.xml would silence their access lines
                        "--service-jvm-option=-Dlogback.configurationFile=logback.xml");

        assertEquals(0, exit, err.toString());
        String markdown = Files.readString(report);
        for (String figure : MEASURED) {
            assertTrue(Pattern.compile("(?m)^\\| " + Pattern.quote(figure) + "[^|]* \\| [0-9][0-9.]*[ |]").matcher(markdown).find(),
                    "a number for '" + figure + "' in:\n" + markdown);
        }
        String throughput = Pgbench.unavailable().isPresent() ? "\\| not measured \\| .*pgbench not run" : "\\| [0-9][0-9.]* \\|";
        assertTrue(Pattern.compile("(?m)^\\| P1 submit throughput HTTP/pgbench " + throughput).matcher(markdown).find(), markdown);
        assertTrue(markdown.contains("| JMH domain reducer (firstSolveCompletingAModule) | not measured |"), markdown);
        assertTrue(markdown.contains("not run (--smoke)"), markdown);
        // the exact rank after one's own submission is a correctness property, whatever the sizes
        assertTrue(markdown.contains("| P8 own rank exact on the next request (same instance) | 2 of 2 |"), markdown);
        // during P6 the machine's CPU is split among the processes that take part, from /proc
        assertTrue(Pattern.compile("(?m)^- P6 repeat 1, CPU of the machine \\(/proc\\): machine busy [0-9]+% of [0-9]+ cores; PostgreSQL [0-9]+%; "
                + "service A [0-9]+%; service B [0-9]+%; the bench \\(load generator\\) [0-9]+%; other processes [0-9]+%$").matcher(markdown).find(), markdown);
        // and the service's own handler times of the same reads, from its access log
        assertTrue(Pattern.compile("(?m)^- P6 repeat 1, the service's own time per read \\(its access log[^)]*\\): "
                + "top100 p50 [0-9.]+ ms, p99 [0-9.]+ ms \\([1-9][0-9]* reads\\); me\\+5 p50 [0-9.]+ ms, p99 [0-9.]+ ms \\([1-9][0-9]* reads\\)$")
                .matcher(markdown).find(), markdown);
        // round trips are counted, background work told apart by its statements: exact at any size
        assertTrue(markdown.contains("| P2 database round trips per submission | 3 | <= 3 | yes |"), markdown);
        for (String kind : List.of("wrong", "correct, already solved", "correct, first solve")) {
            // the submission itself: two round trips, whether or not its token's check reached the database
            assertTrue(Pattern.compile("(?m)^- P2 " + kind + ": .* token checks that reached the database \\(one round trip each\\): "
                    + "2\\.00 per submission besides its token check$").matcher(markdown).find(), markdown);
        }
        assertTrue(Files.readString(folder.resolve("work").resolve("pgbench-correct.sql")).contains("insert into \"submissions\""));
        String pipelined = Files.readString(folder.resolve("work").resolve("pgbench-correct-pipelined.sql"));
        assertTrue(pipelined.contains(")\n\\startpipeline\n") && pipelined.contains("\nBEGIN;\n") && pipelined.endsWith("commit;\n\\endpipeline\n"), pipelined);
        if (Pgbench.unavailable().isEmpty()) {
            assertTrue(Pattern.compile("(?m)^\\| P1 HTTP/pgbench pipelined [^|]* \\| [0-9][0-9.]* \\|").matcher(markdown).find(), markdown);
            assertFalse(markdown.contains("pgbench pipelined failures"), markdown);
            assertFalse(markdown.contains("pgbench failures"), markdown);
        }
    }
}
