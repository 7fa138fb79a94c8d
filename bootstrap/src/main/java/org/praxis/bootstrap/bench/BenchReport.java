package org.praxis.bootstrap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Markdown the bench prints: the machine, one row per figure with its goal, then the raw numbers. */
final class BenchReport {
    /** One figure: its value (NaN when not measured, then {@code note} says why) against its goal. */
    record Figure(String name, double value, String unit, String goal, Boolean met, String note) {
    }

    private final List<String> header = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> raw = new ArrayList<>();

    void header(String line) {
        header.add(line);
    }

    void figure(String name, double value, String unit, String goal, Boolean met, String note) {
        figures.add(new Figure(name, value, unit, goal, Double.isNaN(value) ? null : met, note));
    }

    void raw(String line) {
        raw.add(line);
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    String markdown() {
        var out = new StringBuilder();
        out.append("### Bench run\n\n");
        header.forEach(line -> out.append("- ").append(line).append('\n'));
        out.append("\n| figure | value | goal | met | notes |\n| --- | --- | --- | --- | --- |\n");
        for (var f : figures) {
            out.append("| ").append(f.name()).append(" | ")
                    .append(Double.isNaN(f.value()) ? "not measured" : number(f.value()) + (f.unit().isEmpty() ? "" : " " + f.unit()))
                    .append(" | ").append(f.goal()).append(" | ")
                    .append(f.met() == null ? "-" : f.met() ? "yes" : "**no**").append(" | ").append(f.note()).append(" |\n");
        }
        out.append("\nRaw numbers:\n\n");
        raw.forEach(line -> out.append("- ").append(line).append('\n'));
        return out.toString();
    }

    static String number(double value) {
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 1e12) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        String format = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, format, value);
    }
}
