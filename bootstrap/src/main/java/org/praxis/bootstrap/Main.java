package org.praxis.bootstrap;

import java.io.PrintWriter;

import org.praxis.bootstrap.bench.BenchCommand;
import org.praxis.bootstrap.reliability.FaultRunCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar praxis.jar <command>}: the service and its operator tools. */
@Command(name = "praxis", mixinStandardHelpOptions = true, version = "Praxis 0.1.0",
        description = "Engine and HTTP service for gamified learning and practice platforms.",
        subcommands = {ServeCommand.class, MigrateCommand.class, CheckCommand.class, UsersCommand.class, ContentCommand.class,
                LoadSampleCommand.class, BenchCommand.class, FaultRunCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        // jOOQ's banner and tips are noise in a service's log
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        var commandLine = new CommandLine(new Main()).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof StartupFailure) {
                err.println("praxis: " + e.getMessage());
            } else {
                err.println("praxis: " + e.getClass().getSimpleName() + ": " + Database.rootMessage(e));
            }
            err.flush();
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
