package dev.warmup.processor;

/** A reporter that fails the test on any message: for tests whose settings are valid. */
record FailingReporter(String context) implements Reporter {

    /** Fails naming only the attribute. */
    static final FailingReporter ANY = new FailingReporter("");

    @Override
    public void error(String attribute, String message) {
        throw new AssertionError(context + (context.isEmpty() ? "" : ", ") + attribute + ": " + message);
    }

    @Override
    public void warning(String attribute, String message) {
        error(attribute, message);
    }
}
