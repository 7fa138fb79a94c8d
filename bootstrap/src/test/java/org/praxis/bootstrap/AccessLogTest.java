package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;

/**
 * The service's logging configuration (src/main/resources/logback.xml): a request's access line does not
 * wait for the console, and stopping the logging context (as serve does after its last request) writes
 * out every queued line, in order.
 */
class AccessLogTest {

    @Test
    void accessLinesAreQueuedWhileTheConsoleIsBlockedAndAllWrittenAtStop() throws Exception {
        var logging = new LoggerContext();
        // what SLF4J's logback provider sets on the context it makes
        logging.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        var configurator = new JoranConfigurator();
        configurator.setContext(logging);
        configurator.doConfigure(AccessLogTest.class.getResource("/logback.xml"));
        var release = new CountDownLatch(1);
        var written = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (written) {
                    written.write(bytes, offset, length);
                }
            }
        }, true, StandardCharsets.UTF_8));
        try {
            var access = logging.getLogger("praxis.access");
            assertTrue(access.getAppender("ACCESS_ASYNC") != null, "the access logger writes through ACCESS_ASYNC");
            var lines = new ArrayList<String>();
            for (int i = 0; i < 500; i++) {
                lines.add("{\"requestId\":\"r" + i + "\",\"status\":200}");
            }
            // a request thread logs its lines although the console takes nothing yet
            var requests = CompletableFuture.runAsync(() -> lines.forEach(access::info));
            requests.get(10, TimeUnit.SECONDS);
            synchronized (written) {
                assertEquals(0, written.size(), "nothing reached the blocked console");
            }

            release.countDown();
            logging.stop();
            String out;
            synchronized (written) {
                out = written.toString(StandardCharsets.UTF_8);
            }
            assertEquals(String.join("\n", lines) + "\n", out.replace("\r\n", "\n"));
        } finally {
            release.countDown();
            System.setOut(console);
            logging.stop();
        }
    }
}
