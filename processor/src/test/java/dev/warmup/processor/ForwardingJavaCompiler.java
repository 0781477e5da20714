package dev.warmup.processor;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/** A {@link JavaCompiler} that does what {@code delegate} does; subclasses change one part of it. */
abstract class ForwardingJavaCompiler implements JavaCompiler {

    protected final JavaCompiler delegate;

    ForwardingJavaCompiler(JavaCompiler delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompilationTask getTask(Writer out, JavaFileManager fileManager,
            DiagnosticListener<? super JavaFileObject> listener, Iterable<String> options, Iterable<String> classes,
            Iterable<? extends JavaFileObject> units) {
        return delegate.getTask(out, fileManager, listener, options, classes, units);
    }

    @Override
    public StandardJavaFileManager getStandardFileManager(DiagnosticListener<? super JavaFileObject> listener,
            Locale locale, Charset charset) {
        return delegate.getStandardFileManager(listener, locale, charset);
    }

    @Override
    public int run(InputStream in, OutputStream out, OutputStream err, String... arguments) {
        return delegate.run(in, out, err, arguments);
    }

    @Override
    public Set<SourceVersion> getSourceVersions() {
        return delegate.getSourceVersions();
    }

    @Override
    public int isSupportedOption(String option) {
        return delegate.isSupportedOption(option);
    }
}
