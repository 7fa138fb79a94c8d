package org.praxis.bootstrap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements a PostgreSQL server ran, with their parameters, read from its log while
 * {@code log_statement = all} is on (see {@link BenchDatabase}). A window of the log is cut by marker
 * statements the bench runs itself before and after the action it captures.
 */
final class StatementLog {
    /** One statement as the server ran it: the backend, the SQL, and its bind values as SQL literals ($1 first). */
    record Statement(long pid, String sql, List<String> parameters) {
        /** The SQL with every $n replaced by its value: what pgbench can run as is. */
        String inlined() {
            Matcher m = Pattern.compile("\\$(\\d+)").matcher(sql);
            var out = new StringBuilder();
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(n <= parameters.size() ? parameters.get(n - 1) : m.group()));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    private static final Pattern ENTRY = Pattern.compile("^\\d+(?:\\.\\d+)?:(\\d+):([A-Z]+):  (.*)$");
    private static final Pattern STATEMENT = Pattern.compile("^(?:statement|execute [^:]*): (.*)$", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'(?:[^']|'')*')");

    private final BenchDatabase database;

    StatementLog(BenchDatabase database) {
        this.database = database;
    }

    void on() {
        database.execute("alter system set log_statement = 'all'");
        database.execute("select pg_reload_conf()");
    }

    void off() {
        database.execute("alter system reset log_statement");
        database.execute("select pg_reload_conf()");
    }

    /** Runs {@code action} and returns the statements other backends than the bench's ran meanwhile. */
    List<Statement> capture(Action action) throws Exception {
        String before = marker();
        action.run();
        String after = marker();
        var entries = entries(readUntil(after));
        int from = -1;
        int to = -1;
        long benchPid = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sql().contains(before)) {
                from = i;
                benchPid = entries.get(i).pid();
            }
            if (entries.get(i).sql().contains(after)) {
                to = i;
            }
        }
        var window = new ArrayList<Statement>();
        for (int i = from + 1; i < to; i++) {
            if (entries.get(i).pid() != benchPid) {
                window.add(entries.get(i));
            }
        }
        return window;
    }

    interface Action {
        void run() throws Exception;
    }

    private String marker() {
        String marker = "bench-marker-" + UUID.randomUUID();
        database.text("select '" + marker + "'");
        return marker;
    }

    /** The log up to the line holding {@code marker}; the logging collector writes it a moment later. */
    private String readUntil(String marker) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            String text = Files.readString(database.log(), StandardCharsets.UTF_8);
            if (text.contains(marker)) {
                return text;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the marker " + marker + " did not reach " + database.log());
            }
            Thread.sleep(20);
        }
    }

    static List<Statement> entries(String log) {
        // join continuation lines (a tab first) to their entry
        var raw = new ArrayList<String[]>();
        for (String line : log.split("\n", -1)) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                raw.add(new String[] {m.group(1), m.group(2), m.group(3)});
            } else if (!raw.isEmpty() && line.startsWith("\t")) {
                var last = raw.get(raw.size() - 1);
                last[2] = last[2] + "\n" + line.substring(1);
            }
        }
        var statements = new ArrayList<Statement>();
        Map<Long, Integer> lastByPid = new LinkedHashMap<>();
        for (String[] entry : raw) {
            long pid = Long.parseLong(entry[0]);
            if (entry[1].equals("LOG")) {
                Matcher m = STATEMENT.matcher(entry[2]);
                if (m.matches() && !m.group(1).isBlank()) {
                    statements.add(new Statement(pid, m.group(1).strip(), List.of()));
                    lastByPid.put(pid, statements.size() - 1);
                }
            } else if (entry[1].equals("DETAIL") && entry[2].startsWith("Parameters: ") && lastByPid.containsKey(pid)) {
                int index = lastByPid.get(pid);
                var values = new ArrayList<String>();
                Matcher p = PARAMETER.matcher(entry[2]);
                while (p.find()) {
                    values.add(p.group(2));
                }
                var s = statements.get(index);
                statements.set(index, new Statement(s.pid(), s.sql(), List.copyOf(values)));
            }
        }
        return statements;
    }
}
