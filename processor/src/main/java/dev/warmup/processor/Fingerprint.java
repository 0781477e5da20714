package dev.warmup.processor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of a schedule's settings: the first 16 hexadecimal digits (64 bits) of the SHA-256 of its settings
 * text, every attribute of its annotation and of those beside it, defaults included ({@link Attributes#settingsText}),
 * so that a default and the same value written out give the same fingerprint, and any other setting another.
 */
final class Fingerprint {

    private Fingerprint() {}

    /** The first 16 hexadecimal digits of the SHA-256 of {@code settings}, in UTF-8. */
    static String of(String settings) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(settings.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
