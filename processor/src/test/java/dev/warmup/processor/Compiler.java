package dev.warmup.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.warmup.StepLr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Compiles sources with the processor, and loads the classes it generated. */
final class Compiler {

    private Compiler() {}

    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new WarmupProcessor()).compile(sources);
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
