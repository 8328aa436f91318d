package io.github.opcompare.engine.worker;

import io.github.opcompare.worker.WorkerJson;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running worker: requests go to its stdin as JSON lines, replies come from its stdout, and
 * its stderr goes to a log file whose tail explains failures.
 *
 * <p>Every way a worker can go wrong ends in a {@link WorkerFailedException} whose message says
 * what happened in words (crashed with a signal, ran out of memory, exited, hung, wrote garbage)
 * followed by the last lines of its stderr; the worker is then ended, and the caller may start a
 * new one for the next case. What counts as garbage: once a worker has answered hello, its stdout
 * belongs to the protocol, so any line that is not a well-formed reply to the pending request (a
 * line that is not JSON, broken JSON, an unknown status, the id of another request) fails that
 * request. Lines before the hello reply (a native library's start-up banner) are tolerated and
 * kept for the failure message.
 */
public final class WorkerProcess implements AutoCloseable {
    private static final String END_OF_OUTPUT = "\u0000eof";
    private static final Set<String> STATUSES = Set.of(WorkerReply.OK, WorkerReply.UNSUPPORTED, WorkerReply.FAILED);
    /** How long a worker that wrote something odd gets to die by itself: a JVM prints its crash banner on stdout first. */
    private static final long DYING_GRACE_MILLIS = 3_000;
    private static final Map<Integer, String> SIGNALS = signals();

    private final Process process;
    private final BufferedWriter stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Deque<String> strayLines = new ArrayDeque<>();
    private final Path stderrLog;
    /** Where this process's stderr begins in the log, which earlier incarnations of the worker share. */
    private final long stderrStart;
    private final Thread shutdownHook;
    /** The class archive this worker writes when it exits, or null. */
    private final ClassArchiveDump dump;
    /** When a worker asked to exit is ended if it has not; null until it is asked. */
    private Long exitDeadline;
    private boolean greeted;
    /** The JVM's own crash banner was understood; its stdout lines add nothing to the message. */
    private boolean crashed;

    private WorkerProcess(Process process, Path stderrLog, long stderrStart, ClassArchiveDump dump) {
        this.process = process;
        this.stderrLog = stderrLog;
        this.stderrStart = stderrStart;
        this.dump = dump;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::pumpStdout, "opcompare-worker-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        // A worker must never outlive the build, also when Maven itself is interrupted.
        this.shutdownHook = new Thread(this::destroy, "opcompare-worker-reaper-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the worker; its stderr is appended to {@code stderrLog}. A Java worker also gets, through
     * {@code JDK_JAVA_OPTIONS}, its crash report (hs_err) written beside that log instead of into the
     * project, no core dump, and an exit on OutOfMemoryError instead of limping on in a broken state.
     */
    public static WorkerProcess start(WorkerCommand command, Path stderrLog) throws IOException {
        return start(command, stderrLog, null);
    }

    /**
     * As {@link #start(WorkerCommand, Path)}, for a worker that writes a class archive when it exits
     * ({@code dump}, null for none): it gets {@link ClassArchiveDump#EXIT_WAIT} to exit once asked, and
     * however it ends, its archive is put in place or deleted. When it cannot be started, the archive's
     * file is deleted at once.
     */
    public static WorkerProcess start(WorkerCommand command, Path stderrLog, ClassArchiveDump dump) throws IOException {
        try {
            return started(command, stderrLog, dump);
        } catch (IOException | RuntimeException e) {
            if (dump != null) {
                dump.abandon();
            }
            throw e;
        }
    }

    private static WorkerProcess started(WorkerCommand command, Path stderrLog, ClassArchiveDump dump) throws IOException {
        Path logDir = stderrLog.toAbsolutePath().getParent();
        Files.createDirectories(logDir);
        ProcessBuilder builder = new ProcessBuilder(command.command());
        builder.environment().putAll(command.environment());
        String own = "-XX:ErrorFile=" + logDir.resolve("hs_err_pid%p.log") + " -XX:-CreateCoredumpOnCrash -XX:+ExitOnOutOfMemoryError";
        String inherited = builder.environment().get("JDK_JAVA_OPTIONS");
        builder.environment().put("JDK_JAVA_OPTIONS", inherited == null || inherited.isBlank() ? own : own + " " + inherited);
        builder.redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        long start = Files.exists(stderrLog) ? Files.size(stderrLog) : 0;
        return new WorkerProcess(builder.start(), stderrLog, start, dump);
    }

    private void pumpStdout() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The process is gone; the waiting request reports it.
        }
        lines.add(END_OF_OUTPUT);
    }

    /** Sends one request and waits for its reply. */
    public WorkerReply request(WorkerRequest request, Duration timeout) throws WorkerFailedException {
        try {
            stdin.write(WorkerJson.line(request));
            stdin.newLine();
            stdin.flush();
        } catch (IOException e) {
            throw failure("cannot send the request: " + ended());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line;
            try {
                line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                destroy();
                throw new WorkerFailedException("interrupted while waiting for the worker");
            }
            if (line == null) {
                destroy();
                throw failure("no answer within " + timeout.toSeconds() + " s; the worker was ended");
            }
            if (END_OF_OUTPUT.equals(line)) {
                throw failure(ended());
            }
            String problem = check(line, request);
            if (problem == null) {
                greeted = true;
                return parse(line);
            }
            remember(line);
            if (!greeted && !line.startsWith("{")) {
                continue; // a start-up banner
            }
            throw garbage(problem);
        }
    }

    /** Null when the line is a well-formed reply to {@code request}, else what is wrong with it. */
    private static String check(String line, WorkerRequest request) {
        if (!line.startsWith("{")) {
            return "a line that is not JSON";
        }
        WorkerReply reply;
        try {
            reply = WorkerJson.parse(line, WorkerReply.class);
        } catch (IOException | RuntimeException e) {
            return "broken JSON";
        }
        if (reply == null || !STATUSES.contains(reply.status())) {
            return "a reply without a valid status (ok, unsupported, failed)";
        }
        if (reply.id() != null && request.id() != null && !reply.id().equals(request.id())) {
            return "a reply to request '" + reply.id() + "' while '" + request.id() + "' was pending";
        }
        return null;
    }

    private static WorkerReply parse(String line) {
        try {
            return WorkerJson.parse(line, WorkerReply.class);
        } catch (IOException e) {
            throw new IllegalStateException("checked above", e);
        }
    }

    private void remember(String line) {
        strayLines.addLast(abbreviate(line));
        while (strayLines.size() > 64) {
            strayLines.removeFirst();
        }
    }

    /**
     * The worker wrote something that is not a reply. A JVM that crashes writes its fatal-error banner
     * to stdout before it dies, so a worker that ends on its own shortly after is a crash, not garbage.
     */
    private WorkerFailedException garbage(String problem) {
        try {
            if (process.waitFor(DYING_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                drainStdout();
                return failure(ended());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        destroy();
        return failure("worker wrote an unreadable reply on its protocol channel (" + problem + "): '"
                + strayLines.peekLast() + "'; the worker was ended");
    }

    private void drainStdout() throws InterruptedException {
        String line;
        while ((line = lines.poll(1, TimeUnit.SECONDS)) != null && !END_OF_OUTPUT.equals(line)) {
            remember(line);
        }
    }

    /** Why the worker ended, in words, from its exit status and what it left on stdout and stderr. */
    private String ended() {
        Integer code = null;
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                code = process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> output = new ArrayList<>(strayLines);
        output.addAll(stderrTail(40));
        String fatal = jvmFatalError(output);
        String hsErr = output.stream().filter(l -> l.contains("hs_err")).map(l -> l.replaceFirst("^#\\s*", "").strip())
                .filter(l -> l.startsWith("/") || l.contains(":")).reduce((a, b) -> b).orElse(null);
        boolean outOfMemory = output.stream().anyMatch(l -> l.contains("OutOfMemoryError") || l.contains("Out of Memory Error")
                || l.contains("insufficient memory"));
        StringBuilder text = new StringBuilder();
        if (outOfMemory) {
            text.append("worker ran out of memory");
        } else if (fatal != null) {
            String name = fatal.split("[ (]")[0];
            Integer number = SIGNALS.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            text.append("worker crashed").append(number == null ? "" : " with signal " + number + " (" + name + ")")
                    .append(" in native code: ").append(fatal);
            String frame = problematicFrame(output);
            if (frame != null) {
                text.append("; problematic frame: ").append(frame);
            }
            crashed = true;
        } else if (code != null && code > 128 && SIGNALS.containsKey(code - 128)) {
            text.append("worker crashed with signal ").append(code - 128).append(" (").append(SIGNALS.get(code - 128)).append(')');
            if (code - 128 == 9) {
                text.append(", killed from outside: often the system's out-of-memory killer");
            }
        } else {
            text.append("worker ended unexpectedly");
        }
        text.append(code == null ? " (still running after its output closed)" : " (exit code " + code + ")");
        if (hsErr != null) {
            text.append("; crash report: ").append(hsErr);
        }
        return text.toString();
    }

    private static String problematicFrame(List<String> output) {
        for (int i = 0; i + 1 < output.size(); i++) {
            if (output.get(i).contains("Problematic frame:")) {
                return output.get(i + 1).replaceFirst("^#\\s*", "").strip();
            }
        }
        return null;
    }

    /** The signal line of a HotSpot fatal-error banner ("SIGSEGV (0xb) at pc=..."), or null. */
    private static String jvmFatalError(List<String> output) {
        boolean banner = false;
        for (String line : output) {
            if (line.contains("A fatal error has been detected by the Java Runtime Environment")) {
                banner = true;
            } else if (banner) {
                String s = line.replaceFirst("^#\\s*", "").strip();
                if (s.matches("(SIG[A-Z]+|EXCEPTION_[A-Z_]+|Internal Error).*")) {
                    return s;
                }
            }
        }
        return null;
    }

    private WorkerFailedException failure(String what) {
        StringBuilder message = new StringBuilder(what);
        List<String> stdout = crashed ? List.of() : new ArrayList<>(strayLines);
        if (!stdout.isEmpty()) {
            message.append("; last lines it wrote to stdout:");
            stdout.subList(Math.max(0, stdout.size() - 6), stdout.size()).forEach(l -> message.append("\n  ").append(l));
        }
        List<String> tail = stderrTail(8);
        if (!tail.isEmpty()) {
            message.append("\nlast lines of its stderr (").append(stderrLog).append("):");
            tail.forEach(l -> message.append("\n  ").append(l));
        }
        return new WorkerFailedException(message.toString());
    }

    /** The last lines this worker process wrote to stderr. */
    public List<String> stderrTail(int lines) {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(stderrLog)) {
            long size = channel.size();
            // The last 64 KiB hold the tail; a chatty library must not make a failure expensive.
            long from = Math.max(stderrStart, size - 65_536);
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate((int) Math.max(0, size - from));
            channel.position(from);
            while (bytes.hasRemaining() && channel.read(bytes) > 0) {
                // read all
            }
            List<String> all = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS")).toList();
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream().map(WorkerProcess::abbreviate).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The worker's process, for checks that nothing outlives a run. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Ends the worker and waits until it is gone, so that a restart never talks to a dying process. */
    private void destroy() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dump != null) {
            dump.abandon(); // it may have been writing the archive
        }
    }

    /**
     * How long a worker gets to exit once asked: a few seconds, or {@link ClassArchiveDump#EXIT_WAIT}
     * when it writes its class archive on the way out.
     */
    private Duration exitWait() {
        return dump == null ? EXIT_WAIT : ClassArchiveDump.EXIT_WAIT;
    }

    /** How long a worker that writes no class archive gets to exit once asked. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    /**
     * Asks the worker to exit and returns at once; {@link #close} then waits for it. Asking every worker
     * first and then waiting for each lets them exit (and write their class archives) side by side,
     * so that closing several takes about as long as the slowest rather than all of them together.
     */
    public synchronized void requestExit() {
        if (exitDeadline != null) {
            return;
        }
        exitDeadline = System.nanoTime() + exitWait().toNanos();
        if (!process.isAlive()) {
            return;
        }
        try {
            stdin.write(WorkerJson.line(WorkerRequest.exit()));
            stdin.newLine();
            stdin.flush();
            stdin.close();
        } catch (IOException e) {
            // It is ending by itself already; close finds out how.
        }
    }

    /**
     * Asks the worker to exit (unless {@link #requestExit} did), waits until it has, and ends it when it
     * has not within its exit wait. A class archive it wrote is then put in place, or deleted when the
     * worker did not exit with 0.
     */
    @Override
    public void close() {
        requestExit();
        try {
            long left = exitDeadline - System.nanoTime();
            if (!process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                destroy();
            }
            if (dump != null) {
                dump.finish(process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroy();
        } catch (IllegalThreadStateException e) {
            destroy(); // still running after it was ended: nothing it wrote is kept
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook will run.
            }
        }
    }

    /** Waits at most the given time for a started worker to answer hello. */
    public WorkerReply hello(Duration timeout) throws WorkerFailedException {
        return request(WorkerRequest.hello(), timeout);
    }

    private static Map<Integer, String> signals() {
        Map<Integer, String> names = new HashMap<>();
        String[] list = {"1 SIGHUP", "2 SIGINT", "3 SIGQUIT", "4 SIGILL", "5 SIGTRAP", "6 SIGABRT", "7 SIGBUS", "8 SIGFPE",
            "9 SIGKILL", "10 SIGUSR1", "11 SIGSEGV", "12 SIGUSR2", "13 SIGPIPE", "14 SIGALRM", "15 SIGTERM"};
        for (String s : list) {
            String[] p = s.split(" ");
            names.put(Integer.parseInt(p[0]), p[1]);
        }
        return Map.copyOf(names);
    }
}
