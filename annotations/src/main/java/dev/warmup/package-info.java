/**
 * Learning-rate schedules with warmup, generated at compile time.
 *
 * <p>Annotate a class with {@link dev.warmup.WarmupSchedule}; the warmup annotation processor, on the annotation
 * processor path, then generates beside it a final class implementing {@link dev.warmup.StepLr}, whose
 * {@link dev.warmup.StepLr#lr(long) lr(step)} gives the rate of each optimiser step. {@link dev.warmup.Warmup} and
 * {@link dev.warmup.Decay} name the shapes of the two parts of a schedule, each with its formula.
 *
 * <p>A rate driven by a watched metric, PyTorch's {@code ReduceLROnPlateau}, is declared with
 * {@link dev.warmup.PlateauSchedule}: the generated class implements {@link dev.warmup.PlateauLr}, has state
 * ({@link dev.warmup.PlateauState}, for checkpoints) and is made one per training run.
 *
 * <p>This package is all that code using a schedule depends on, at compile time and at run time; it has no
 * dependencies of its own.
 */
package dev.warmup;
