package dev.warmup.processor;

/**
 * Where validation sends its findings. Every message is about one attribute of the annotation, so that it can be
 * reported on that attribute; the message itself names the attribute, the value given and what is allowed.
 */
interface Reporter {

    void error(String attribute, String message);

    void warning(String attribute, String message);
}
