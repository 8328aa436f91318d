package io.github.opcompare.engine.backend;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a backend module's descriptor, {@code META-INF/opcompare/backend.json} inside its jar: what
 * the module is (library, worker artifact, how to start it, natives per platform, dtypes and ops it
 * claims, how its library is made deterministic) and the backends it serves (one per id, each on one
 * device with its environment and, on a GPU, what it needs from the machine). Every field the engine
 * relies on is checked here, so an incomplete descriptor fails with its name and the missing field
 * rather than as a backend that misbehaves later. The README's "Backend descriptor" documents the format.
 */
public final class DescriptorFile {
    /** Where a backend jar carries its descriptor. */
    public static final String RESOURCE = "META-INF/opcompare/backend.json";
    /** The format this reader understands; a later incompatible format gets a new number. */
    public static final String FORMAT = "opcompare-backend/1";

    // Comments are allowed: a descriptor should say why an artifact or a rule is there.
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);

    private DescriptorFile() {
    }

    /**
     * The backends one descriptor serves.
     *
     * @param source where it was read from, for messages
     * @throws IllegalArgumentException naming {@code source} and the field, when it is malformed or incomplete
     */
    public static List<BackendDescriptor> read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getOriginalMessage(), e);
        }
        Fields module = new Fields(root, source);
        String format = module.text("format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(source + " is in format '" + format + "'; this opcompare reads " + FORMAT);
        }
        String artifactId = module.text("artifactId");
        String library = module.text("library");
        List<String> dtypes = module.texts("dtypes");
        for (String dtype : dtypes) {
            module.check(() -> DType.of(dtype), "dtypes");
        }
        List<String> ops = module.texts("ops");
        for (String op : ops) {
            if (!BackendDescriptor.EVERY_OP.equals(op)) {
                module.check(() -> Op.of(op), "ops");
            }
        }
        Fields worker = module.object("worker");
        String kind = worker.text("kind");
        // Optional, false by default: only a library that says so gets its single-thread worker early.
        boolean multiThreaded = worker.has("multiThreaded") && worker.bool("multiThreaded");
        List<String> platformArtifacts = module.texts("platformArtifacts");
        for (String coordinate : platformArtifacts) {
            if (!coordinate.matches("[^:\\s]+:[^:\\s]+")) {
                throw module.error("platformArtifacts", "'" + coordinate + "' is not groupId:artifactId");
            }
        }
        DeterminismVariable determinism = null;
        if (module.has("determinism")) {
            Fields d = module.object("determinism");
            determinism = new DeterminismVariable(d.text("variable"), d.text("on"), d.text("off"));
        }
        LibraryVersions versions = module.has("versions") ? versions(module.object("versions")) : null;
        List<BackendDescriptor> backends = new ArrayList<>();
        for (Fields backend : module.objects("backends")) {
            String device = backend.text("device");
            WorkerLaunch launch = switch (kind) {
                case WorkerLaunch.JAVA -> new WorkerLaunch(kind, worker.text("mainClass"), null,
                        worker.optionalTexts("jvmArgs"), platformArtifacts, backend.optionalText("classifierSuffix"), multiThreaded);
                case WorkerLaunch.PYTHON -> new WorkerLaunch(kind, null, worker.text("script"), List.of(), List.of(), "", multiThreaded);
                default -> throw worker.error("kind", "'" + kind + "' is neither java nor python");
            };
            GpuRequirements gpu = null;
            if ("gpu".equals(device)) {
                gpu = gpu(backend.object("gpu"));
            } else if (backend.has("gpu")) {
                throw backend.error("gpu", "only a backend on device gpu has GPU requirements");
            }
            String ownLibrary = backend.has("library") ? backend.text("library") : library;
            // Optional, false by default: the backend joins the default selection when it is on the CPU.
            boolean onlyWhenNamed = backend.has("onlyWhenNamed") && backend.bool("onlyWhenNamed");
            backends.add(new BackendDescriptor(backend.text("id"), ownLibrary, device, artifactId,
                    backend.stringMap("environment"), launch, gpu, dtypes, ops, determinism, onlyWhenNamed,
                    // A GPU build's checks (CUDA, driver, kernel images) hold for the version they were written for only.
                    gpu == null ? versions : null, null));
        }
        if (backends.isEmpty()) {
            throw module.error("backends", "names no backend");
        }
        return backends;
    }

    private static LibraryVersions versions(Fields versions) {
        String defaultVersion = versions.text("default");
        List<String> tested = versions.texts("tested");
        if (!tested.contains(defaultVersion)) {
            throw versions.error("tested", "does not hold the default version " + defaultVersion);
        }
        List<String> project = versions.texts("project");
        for (String pattern : project) {
            if (!pattern.matches("[^:\\s*]+:[^:\\s*]+\\*?")) {
                throw versions.error("project", "'" + pattern + "' is not groupId:artifactId (a trailing * matches a prefix)");
            }
        }
        List<VersionGeneration> generations = new ArrayList<>();
        for (Fields generation : versions.objects("generations")) {
            List<String> artifacts = generation.texts("artifacts");
            if (artifacts.isEmpty()) {
                throw generation.error("artifacts", "is empty");
            }
            generations.add(new VersionGeneration(generation.optionalText("prefix"), artifacts,
                    generation.texts("platformArtifacts")));
        }
        LibraryVersions parsed = new LibraryVersions(defaultVersion, tested, project, versions.texts("libraryGroups"), generations);
        for (String version : tested) {
            if (parsed.generationOf(version).isEmpty()) {
                throw versions.error("generations", "hold none for the tested version " + version);
            }
        }
        return parsed;
    }

    private static GpuRequirements gpu(Fields gpu) {
        List<RequiredLibrary> libraries = new ArrayList<>();
        for (Fields library : gpu.objects("libraries")) {
            libraries.add(new RequiredLibrary(library.text("soname"), library.text("what"), library.text("package")));
        }
        KernelImages kernels = null;
        if (gpu.has("kernels")) {
            Fields k = gpu.object("kernels");
            List<String> capabilities = k.texts("computeCapabilities");
            for (String capability : capabilities) {
                if (!capability.matches("\\d{1,2}\\.\\d")) {
                    throw k.error("computeCapabilities", "'" + capability + "' is not a compute capability such as 8.6");
                }
            }
            if (capabilities.isEmpty()) {
                throw k.error("computeCapabilities", "is empty");
            }
            kernels = new KernelImages(k.text("artifact"), k.text("file"), capabilities, k.bool("ptx"), k.text("otherwise"));
        }
        List<String> platforms = gpu.texts("platforms");
        if (platforms.isEmpty()) {
            throw gpu.error("platforms", "is empty");
        }
        return new GpuRequirements(gpu.text("summary"), platforms, gpu.text("cudaVersion"), gpu.text("minimumDriver"),
                libraries, gpu.optionalTexts("searchDirs"), kernels);
    }

    /** One JSON object and where it sits, so that every error names the file and the field's path. */
    private record Fields(JsonNode node, String where) {
        Fields {
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(where + " must be a JSON object");
            }
        }

        boolean has(String field) {
            return node.hasNonNull(field);
        }

        String text(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw error(field, "is missing (a non-empty string)");
            }
            return value.asText().strip();
        }

        String optionalText(String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? "" : value.asText().strip();
        }

        boolean bool(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isBoolean()) {
                throw error(field, "is missing (true or false)");
            }
            return value.asBoolean();
        }

        List<String> texts(String field) {
            if (!node.has(field)) {
                throw error(field, "is missing (a list of strings)");
            }
            return optionalTexts(field);
        }

        List<String> optionalTexts(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                throw error(field, "must be a list of strings");
            }
            List<String> texts = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual() || item.asText().isBlank()) {
                    throw error(field, "must hold non-empty strings only");
                }
                texts.add(item.asText().strip());
            }
            return texts;
        }

        Fields object(String field) {
            if (!has(field)) {
                throw error(field, "is missing (an object)");
            }
            return new Fields(node.get(field), where + "." + field);
        }

        List<Fields> objects(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isArray()) {
                throw error(field, "is missing (a list of objects)");
            }
            List<Fields> objects = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                objects.add(new Fields(value.get(i), where + "." + field + "[" + i + "]"));
            }
            return objects;
        }

        Map<String, String> stringMap(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isObject()) {
                throw error(field, "is missing (an object of strings; {} for none)");
            }
            Map<String, String> map = new LinkedHashMap<>();
            value.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw error(field, "'" + e.getKey() + "' must be a string");
                }
                map.put(e.getKey(), e.getValue().asText());
            });
            return map;
        }

        void check(Runnable parse, String field) {
            try {
                parse.run();
            } catch (IllegalArgumentException e) {
                throw error(field, e.getMessage());
            }
        }

        IllegalArgumentException error(String field, String problem) {
            return new IllegalArgumentException(where + ": " + field + " " + problem);
        }
    }
}
