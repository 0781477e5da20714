package dev.warmup.processor;

import com.google.testing.compile.Compilation;
import dev.warmup.StepLr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * Compiles sources with the processor, and loads the classes it generated.
 *
 * <p>The compiler is javac unless the system property {@value #PROPERTY} is {@code ecj}: then it is the Eclipse
 * compiler, the one inside Eclipse IDE, whose annotation processing is an implementation of its own (its own
 * {@code Elements}, {@code Filer}, {@code Messager} and diagnostic positions). The build runs the compiling tests
 * once with each, as MapStruct does.
 */
final class Compiler {

    /** The system property that chooses the compiler: {@code javac} (the default) or {@code ecj}. */
    static final String PROPERTY = "warmup.test.compiler";

    private Compiler() {}

    /** Whether the tests run under the Eclipse compiler. */
    static boolean isEcj() {
        String compiler = System.getProperty(PROPERTY, "javac").toLowerCase(Locale.ROOT);
        return switch (compiler) {
            case "javac" -> false;
            case "ecj" -> true;
            default -> throw new IllegalStateException(PROPERTY + " = " + compiler + ": expected javac or ecj");
        };
    }

    /** The compiler the tests run under, without processors, with {@code options} added. */
    static com.google.testing.compile.Compiler compiler(String... options) {
        return isEcj() ? ecj(options) : javac(options);
    }

    /** javac, the JDK's own compiler, as the build runs it. */
    static com.google.testing.compile.Compiler javac(String... options) {
        return com.google.testing.compile.Compiler.compiler(ToolProvider.getSystemJavaCompiler())
                .withOptions((Object[]) options);
    }

    /** ECJ, as Eclipse runs it. */
    static com.google.testing.compile.Compiler ecj(String... options) {
        return plainEcj(options);
    }

    /**
     * ECJ as Eclipse runs it, at the project's language level: ECJ's own default level is its latest, -17 makes it
     * compile Java 17 as javac does with the build's release 17.
     */
    static com.google.testing.compile.Compiler plainEcj(String... options) {
        List<String> all = new ArrayList<>(List.of("-17"));
        all.addAll(List.of(options));
        return com.google.testing.compile.Compiler.compiler(new FileBackedEclipseCompiler()).withOptions(all);
    }

    /**
     * Compiles {@code sources} with the processor and its lint off ({@code -Awarmup.lint=false}), for tests of other
     * things whose settings were not chosen for a run (random ones, the edges of the allowed ranges, the peers' own
     * test settings).
     */
    static Compilation compileWithoutLint(JavaFileObject... sources) {
        return compiler("-A" + WarmupProcessor.LINT_OPTION + "=false").withProcessors(new WarmupProcessor())
                .compile(sources);
    }

    /** Compiles {@code sources} with the processor, under the compiler the tests run under. */
    static Compilation compile(JavaFileObject... sources) {
        return compiler().withProcessors(new WarmupProcessor()).compile(sources);
    }

    /**
     * ECJ through {@link javax.tools.JavaCompiler}, for sources that live in memory. ECJ reads a source's text through
     * its {@link JavaFileObject}, but first insists that the source's name is a file that exists (Compile Testing's
     * issue 31), which in-memory sources are not. So each source is handed to ECJ as a stand-in named after a file
     * written with the same text, and every diagnostic on a stand-in is reported on the original source, as javac
     * reports it, so that assertions such as {@code inFile(source)} hold under both compilers.
     */
    private static final class FileBackedEclipseCompiler extends ForwardingJavaCompiler {
        private static final Path ROOT = Path.of("target", "ecj-sources").toAbsolutePath();
        private static final AtomicInteger COMPILATIONS = new AtomicInteger();

        FileBackedEclipseCompiler() {
            super(new EclipseCompiler());
        }

        @Override
        public CompilationTask getTask(Writer out, JavaFileManager fileManager,
                DiagnosticListener<? super JavaFileObject> listener, Iterable<String> options,
                Iterable<String> classes, Iterable<? extends JavaFileObject> units) {
            Path dir = ROOT.resolve(Integer.toString(COMPILATIONS.incrementAndGet()));
            Map<String, JavaFileObject> originals = new HashMap<>();
            List<JavaFileObject> standIns = new ArrayList<>();
            for (JavaFileObject unit : units) {
                FileStandIn standIn = new FileStandIn(dir, unit);
                originals.put(standIn.getName(), unit);
                standIns.add(standIn);
            }
            // ECJ's diagnostics carry a file object of its own, named after the file: map it by name.
            DiagnosticListener<JavaFileObject> mapping = diagnostic -> {
                JavaFileObject source = diagnostic.getSource();
                JavaFileObject original = source == null ? null : originals.get(source.getName());
                listener.report(new OnSource(diagnostic, original == null ? source : original));
            };
            // Without a writer, ECJ prints every problem to System.err as well; the diagnostics are enough.
            return delegate.getTask(out == null ? Writer.nullWriter() : out, fileManager, mapping, options, classes,
                    standIns);
        }
    }

    /** A source as a file on disk with the same text; ECJ reads the text through {@link #getCharContent}. */
    private static final class FileStandIn extends SimpleJavaFileObject {
        private final JavaFileObject original;
        private final Path file;

        FileStandIn(Path dir, JavaFileObject original) {
            super(dir.resolve(original.toUri().getPath().replaceFirst("^/+", "")).toUri(), original.getKind());
            this.original = original;
            this.file = Path.of(toUri());
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, original.getCharContent(true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getName() {
            return file.toString();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
            return original.getCharContent(ignoreEncodingErrors);
        }
    }

    /**
     * A diagnostic of ECJ's, on the original source where ECJ has it on a stand-in. ECJ gives no file to a
     * diagnostic in a generated source (it is not a file on disk) nor to one on a record (see EclipseCompilerTest).
     */
    private record OnSource(Diagnostic<? extends JavaFileObject> diagnostic, JavaFileObject source)
            implements Diagnostic<JavaFileObject> {
        @Override
        public Kind getKind() {
            return diagnostic.getKind();
        }

        @Override
        public JavaFileObject getSource() {
            return source;
        }

        @Override
        public long getPosition() {
            return diagnostic.getPosition();
        }

        @Override
        public long getStartPosition() {
            return diagnostic.getStartPosition();
        }

        @Override
        public long getEndPosition() {
            return diagnostic.getEndPosition();
        }

        @Override
        public long getLineNumber() {
            return diagnostic.getLineNumber();
        }

        @Override
        public long getColumnNumber() {
            return diagnostic.getColumnNumber();
        }

        @Override
        public String getCode() {
            return diagnostic.getCode();
        }

        @Override
        public String getMessage(Locale locale) {
            return diagnostic.getMessage(locale);
        }

        /** As javac's diagnostics read (ECJ's have no text of their own): kind, file, line and message. */
        @Override
        public String toString() {
            return getKind() + ": " + (source == null ? "(no file)" : source.getName()) + ":" + getLineNumber() + ": "
                    + getMessage(Locale.ROOT);
        }
    }

    /** A class loader over the class files of a compilation, with the test's class path as parent. */
    static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classes = new HashMap<>();

        Loader(Compilation compilation) {
            super(Compiler.class.getClassLoader());
            for (JavaFileObject file : compilation.generatedFiles()) {
                if (file.getKind() != JavaFileObject.Kind.CLASS) {
                    continue;
                }
                String path = file.toUri().getPath();
                String relative = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length());
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                try (InputStream in = file.openInputStream()) {
                    classes.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        /** A new instance of a generated plateau class, through its public constructor. */
        dev.warmup.PlateauLr plateau(String className) {
            try {
                return (dev.warmup.PlateauLr) loadClass(className).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot make a " + className + " from " + classes.keySet(), e);
            }
        }

        /** The {@code INSTANCE} of a generated schedule class. */
        StepLr schedule(String className) {
            try {
                return (StepLr) loadClass(className).getField("INSTANCE").get(null);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot load " + className + " from " + classes.keySet(), e);
            }
        }
    }
}
