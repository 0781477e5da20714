package dev.warmup.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The setup README.md tells users to paste is the one the samples build: every XML block of the README stands in
 * the Java samples' poms line for line (indentation aside), the design card's class and the README's examples are
 * maven-user's, and every version of ours the README names is this build's.
 */
class ReadmeSnippetTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SAMPLE = Path.of("maven-user");

    @ParameterizedTest
    @ValueSource(strings = {"maven-user", "djl-user", "dl4j-user"})
    void everyXmlBlockOfTheReadmeIsInTheSamplePom(String sample) throws IOException {
        List<String> blocks = blocks(read(ROOT.resolve("README.md")), "xml");
        assertTrue(blocks.stream().anyMatch(b -> b.contains("<artifactId>warmup-annotations</artifactId>")),
                "README has no XML block with the dependency");
        assertTrue(blocks.stream().anyMatch(b -> b.contains("<annotationProcessorPaths>")),
                "README has no XML block with the compiler plugin");
        List<String> pom = lines(read(Path.of(sample, "pom.xml")));
        for (String block : blocks) {
            List<String> wanted = lines(block);
            assertTrue(Collections.indexOfSubList(pom, wanted) >= 0,
                    sample + "/pom.xml does not contain this block of README.md verbatim:\n" + block);
        }
    }

    /** kapt takes the processor in a block of its own (docs/kotlin.md); the dependency is the README's. */
    @Test
    void theKotlinSampleHasTheReadmesDependency() throws IOException {
        String dependency = blocks(read(ROOT.resolve("README.md")), "xml").stream()
                .filter(b -> b.contains("<artifactId>warmup-annotations</artifactId>")).findFirst().orElseThrow();
        List<String> pom = lines(read(Path.of("kotlin-user", "pom.xml")));
        assertTrue(Collections.indexOfSubList(pom, lines(dependency)) >= 0,
                "kotlin-user/pom.xml does not contain README.md's dependency verbatim:\n" + dependency);
    }

    @Test
    void theReadmesExamplesAreTheSamplesSchedules() throws IOException {
        String examples = blocks(read(ROOT.resolve("README.md")), "java").stream()
                .filter(b -> b.contains("final class NanoGpt {}")).findFirst().orElseThrow();
        assertTrue(examples.startsWith("import dev.warmup.*;"), "README's examples start with their import");
        List<String> sample = lines(read(SAMPLE.resolve("src/main/java/example/Schedules.java")));
        assertTrue(Collections.indexOfSubList(sample, lines(examples)) >= 0,
                "maven-user's Schedules.java does not contain README's examples verbatim:\n" + examples);
    }

    @Test
    void theDesignCardIsTheSamplesClass() throws IOException {
        String card = blocks(read(ROOT.resolve("README.md")), "java").get(0);
        List<String> wanted = lines(card);
        assertTrue(wanted.contains("final class Cifar10 {}"), "README's first Java block is not the card:\n" + card);
        List<String> sample = lines(read(SAMPLE.resolve("src/main/java/example/Cifar10.java")));
        assertTrue(Collections.indexOfSubList(sample, wanted) >= 0,
                "maven-user's Cifar10.java does not contain README's first Java block:\n" + card);
    }

    @Test
    void everyVersionOfOursInTheReadmeIsThisBuilds() throws IOException {
        String version = System.getProperty("warmup.version");
        assertFalse(version == null || version.isEmpty(), "surefire passes warmup.version");
        String readme = read(ROOT.resolve("README.md"));
        List<String> found = new ArrayList<>();
        Matcher xml = Pattern.compile("<artifactId>warmup-[a-z]+</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(readme);
        while (xml.find()) {
            found.add(xml.group(1));
        }
        Matcher gradle = Pattern.compile("'dev\\.warmup:warmup-[a-z]+:([^']+)'").matcher(readme);
        while (gradle.find()) {
            found.add(gradle.group(1));
        }
        assertTrue(found.size() >= 4, "versions found in README.md: " + found);
        for (String v : found) {
            assertEquals(version, v, "a version in README.md");
        }
    }

    @Test
    void ciRunsTheReadmesTestCommand() throws IOException {
        String readme = read(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Quick start\n");
        assertTrue(start >= 0, "README.md has a '## Quick start' section");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> commands = lines(blocks(section, "").get(0));
        assertEquals(2, commands.size(), "Quick start's commands: " + commands);
        List<String> ci = lines(read(ROOT.resolve(".ci/run")));
        assertTrue(ci.contains(commands.get(1)), ".ci/run runs `" + commands.get(1) + "`");
    }

    /** The bodies of the fenced blocks of {@code text} whose info string is {@code language}. */
    private static List<String> blocks(String text, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("^```" + Pattern.quote(language) + "\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL)
                .matcher(text);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertFalse(blocks.isEmpty(), "no ```" + language + " block");
        return blocks;
    }

    /** Non-blank lines, stripped: what is compared, so that indentation may differ. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path);
    }
}
