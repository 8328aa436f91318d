package io.github.opcompare.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client: open a
 * page, collect what the page's console and the browser's log report as errors (script exceptions,
 * console.error, resources that failed to load), evaluate a script, take a screenshot. The
 * protocol rather than scraped log output, because it reports every error with its source and does
 * not change with Chromium's logging flags.
 */
final class DevToolsBrowser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch loaded = new CountDownLatch(1);
    private String session;

    /** The Chromium to use: $OPCOMPARE_CHROMIUM, else the first of the usual names on the PATH; null when none. */
    static Path find() {
        return find(System.getenv());
    }

    /**
     * The Chromium {@code env} names: $OPCOMPARE_CHROMIUM, else the first of the usual names on its
     * PATH; null when there is none.
     *
     * @throws IllegalStateException when $OPCOMPARE_CHROMIUM names no executable file: the user asked
     *     for that browser, and skipping the test would hide the mistake
     */
    static Path find(Map<String, String> env) {
        String configured = env.get("OPCOMPARE_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new IllegalStateException("OPCOMPARE_CHROMIUM is " + configured + ", which is not an executable file");
            }
            return p;
        }
        for (String dir : env.getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    DevToolsBrowser(Path chromium, int width, int height) throws IOException, InterruptedException {
        profile = Files.createTempDirectory("opcompare-chromium");
        process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String endpoint = endpoint();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(URI.create(endpoint), new Listener()).join();
        String target = call("Target.createTarget", obj("url", "about:blank"), null).get("targetId").asText();
        ObjectNode attach = obj("targetId", target);
        attach.put("flatten", true);
        session = call("Target.attachToTarget", attach, null).get("sessionId").asText();
        call("Page.enable", obj(), session);
        call("Runtime.enable", obj(), session);
        call("Log.enable", obj(), session);
        ObjectNode metrics = obj();
        metrics.put("width", width);
        metrics.put("height", height);
        metrics.put("deviceScaleFactor", 1);
        metrics.put("mobile", false);
        call("Emulation.setDeviceMetricsOverride", metrics, session);
    }

    /** Reads Chromium's stderr until it prints its DevTools endpoint, then keeps draining it in the background. */
    private String endpoint() throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> found = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = err.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(m.group(1));
                    } else if (!found.isDone()) {
                        seen.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // The browser went away; whoever waits times out or has finished.
            }
            found.completeExceptionally(new IOException("Chromium exited before it listened: " + seen));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return found.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("Chromium did not start: " + e.getMessage(), e);
        }
    }

    /** Opens the page and waits for its load event (images included). */
    void open(URI url) throws IOException, InterruptedException {
        loaded = new CountDownLatch(1);
        JsonNode reply = call("Page.navigate", obj("url", url.toString()), session);
        if (reply.has("errorText")) {
            throw new IOException("Cannot open " + url + ": " + reply.get("errorText").asText());
        }
        if (!loaded.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IOException("No load event from " + url);
        }
    }

    /** The value of a script run in the page. */
    JsonNode evaluate(String expression) throws IOException {
        ObjectNode params = obj("expression", expression);
        params.put("returnByValue", true);
        params.put("awaitPromise", true);
        JsonNode reply = call("Runtime.evaluate", params, session);
        if (reply.has("exceptionDetails")) {
            throw new IOException("Script failed: " + reply.get("exceptionDetails"));
        }
        return reply.path("result").path("value");
    }

    /** A PNG of the whole page, not only the window. */
    void screenshot(Path file) throws IOException {
        ObjectNode params = obj("format", "png");
        params.put("captureBeyondViewport", true);
        JsonNode size = evaluate("({w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight})");
        ObjectNode clip = params.putObject("clip");
        clip.put("x", 0);
        clip.put("y", 0);
        clip.put("width", size.get("w").asInt());
        clip.put("height", size.get("h").asInt());
        clip.put("scale", 1);
        String data = call("Page.captureScreenshot", params, session).get("data").asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(data));
    }

    /** Errors reported since the last call: uncaught exceptions, console.error, failed loads. */
    List<String> takeErrors() {
        synchronized (errors) {
            List<String> copy = List.copyOf(errors);
            errors.clear();
            return copy;
        }
    }

    private JsonNode call(String method, ObjectNode params, String sessionId) throws IOException {
        int id = ids.incrementAndGet();
        ObjectNode message = obj("method", method);
        message.put("id", id);
        message.set("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IOException(method + ": " + r.get("error"));
            }
            return r.path("result");
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(method + " got no answer: " + e, e);
        }
    }

    private void receive(String text) throws IOException {
        JsonNode m = JSON.readTree(text);
        if (m.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
            if (f != null) {
                f.complete(m);
            }
            return;
        }
        String method = m.path("method").asText();
        JsonNode p = m.path("params");
        switch (method) {
            case "Page.loadEventFired" -> loaded.countDown();
            case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails").path("exception")
                    .path("description").asText(p.path("exceptionDetails").path("text").asText()));
            case "Runtime.consoleAPICalled" -> {
                String type = p.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    errors.add("console." + type + ": " + p.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                JsonNode entry = p.path("entry");
                if (entry.path("level").asText().equals("error")) {
                    errors.add(entry.path("source").asText() + ": " + entry.path("text").asText() + " "
                            + entry.path("url").asText(""));
                }
            }
            default -> {
                // Other events are of no interest here.
            }
        }
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    private static ObjectNode obj(String key, String value) {
        ObjectNode n = JSON.createObjectNode();
        n.put(key, value);
        return n;
    }

    @Override
    public void close() throws IOException {
        try {
            call("Browser.close", obj(), null);
        } catch (IOException e) {
            // Ended below either way.
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Puts the fragments of each message together and hands whole messages on. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                try {
                    receive(text);
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e.getMessage());
                }
            }
            ws.request(1);
            return null;
        }
    }
}
