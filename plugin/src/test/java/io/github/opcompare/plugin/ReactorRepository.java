package io.github.opcompare.plugin;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.impl.DefaultServiceLocator;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Maven Resolver as the plugin gets it, but offline and over this source tree: opcompare's own modules
 * come from their pom.xml and target/classes (as Maven's reactor hands them to a plugin), everything
 * else from the local repository the build uses. So a test resolves the graphs that the modules
 * declare now, never an opcompare jar installed earlier.
 */
final class ReactorRepository {
    static final String GROUP_ID = "io.github.opcompare";

    final RepositorySystem system;
    final DefaultRepositorySystemSession session;
    final String version;

    private ReactorRepository(RepositorySystem system, DefaultRepositorySystemSession session, String version) {
        this.system = system;
        this.session = session;
        this.version = version;
    }

    /** @param root the directory of the root pom.xml */
    static ReactorRepository of(Path root) throws Exception {
        DefaultServiceLocator locator = MavenRepositorySystemUtils.newServiceLocator();
        locator.setErrorHandler(new DefaultServiceLocator.ErrorHandler() {
            @Override
            public void serviceCreationFailed(Class<?> type, Class<?> impl, Throwable exception) {
                throw new IllegalStateException("cannot create " + impl.getName(), exception);
            }
        });
        RepositorySystem system = locator.getService(RepositorySystem.class);
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        // As Maven does: profiles of third-party poms may be activated by os.name and the like.
        session.setSystemProperties(System.getProperties());
        session.setOffline(true);
        // "simple": the artifacts count whichever remote repository they came from, since the test
        // names none (the enhanced manager would hide everything downloaded under another id).
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                new LocalRepository(localRepository().toFile(), "simple")));
        Element rootPom = pom(root.resolve("pom.xml"));
        String version = child(rootPom, "version");
        Map<String, Path> modules = new LinkedHashMap<>();
        modules.put(child(rootPom, "artifactId"), root);
        for (Node n = first(rootPom, "modules").getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element module) {
                Path dir = root.resolve(module.getTextContent().trim());
                modules.put(child(pom(dir.resolve("pom.xml")), "artifactId"), dir);
            }
        }
        session.setWorkspaceReader(new Modules(modules, version));
        return new ReactorRepository(system, session, version);
    }

    /** Surefire passes the build's own local repository; from an IDE, the default one. */
    private static Path localRepository() {
        String configured = System.getProperty("opcompare.localRepository");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static Element pom(Path file) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file);
        }
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    /** A direct child's text: the project's own coordinates, not its parent's. */
    private static String child(Element element, String name) {
        return first(element, name).getTextContent().trim();
    }

    private static Element first(Element element, String name) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new IllegalStateException("no <" + name + "> in <" + element.getTagName() + ">");
    }

    /** The reactor's modules by artifactId: pom.xml for their poms, target/classes for their jars. */
    private record Modules(Map<String, Path> modules, String version) implements WorkspaceReader {
        private static final WorkspaceRepository REPOSITORY = new WorkspaceRepository("reactor");

        @Override
        public WorkspaceRepository getRepository() {
            return REPOSITORY;
        }

        @Override
        public File findArtifact(Artifact artifact) {
            Path dir = module(artifact);
            if (dir == null || !artifact.getClassifier().isEmpty()) {
                return null;
            }
            return switch (artifact.getExtension()) {
                case "pom" -> dir.resolve("pom.xml").toFile();
                case "jar" -> dir.resolve("target/classes").toFile();
                default -> null;
            };
        }

        @Override
        public List<String> findVersions(Artifact artifact) {
            return module(artifact) == null ? List.of() : List.of(version);
        }

        private Path module(Artifact artifact) {
            return GROUP_ID.equals(artifact.getGroupId()) && version.equals(artifact.getBaseVersion())
                    ? modules.get(artifact.getArtifactId()) : null;
        }
    }
}
