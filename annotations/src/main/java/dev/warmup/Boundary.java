package dev.warmup;

/**
 * A step at which a schedule starts a new part: the end of warmup, a milestone, a phase, a restart. A generated class
 * lists its boundaries ({@link StepLr#boundaries()}) and names the part a step is in ({@link StepLr#part(long)}), so
 * that a training loop logs each change of regime once:
 *
 * <pre>{@code
 * Boundary part = schedule.part(step);
 * if (part.step() == step) {
 *     log.info("step {}: {}, lr {}", step, part.what(), part.lr());
 * }
 * }</pre>
 *
 * @param step the first step of the part, in optimizer updates
 * @param what what starts there, in words: {@code "cosine decay 0.1 -> 0.0"}, {@code "milestone 30: lr 0.01"}
 * @param lr the rate at that step, {@code lr(step)}
 */
public record Boundary(long step, String what, double lr) {}
