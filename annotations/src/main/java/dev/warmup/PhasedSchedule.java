package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a learning-rate schedule made of consecutive {@link Phase phases}, as PyTorch's {@code SequentialLR} and
 * Optax's {@code join_schedules} compose schedules; the warmup annotation processor generates, at compile time, a final
 * class implementing {@link StepLr} whose {@link StepLr#lr(long) lr(step)} is a short branch chain over the phases,
 * with every constant precomputed.
 *
 * <p>Each phase lasts {@link Phase#steps()} steps and goes from its start value to its {@link Phase#endLr() endLr}
 * following its {@link Phase#shape() shape} (see {@link PhaseShape}). A phase starts where the previous one ended
 * unless it sets {@link Phase#startLr() startLr}; the first starts at 0 unless it sets it. After the last phase its end
 * value holds. Warmup-stable-decay (Hugging Face's {@code get_wsd_schedule}):
 *
 * <pre>{@code
 * @PhasedSchedule(phases = {
 *         @Phase(steps = 1000, shape = PhaseShape.LINEAR, endLr = 1e-3),
 *         @Phase(steps = 7000, shape = PhaseShape.CONSTANT, endLr = 1e-3),
 *         @Phase(steps = 2000, shape = PhaseShape.LINEAR, endLr = 0.0)})
 * final class Wsd {}
 * }</pre>
 *
 * <p>ResNet's constant warmup with step drops (He et al. 2016): 0.01 for 400 steps, then 0.1, divided by 10 at steps
 * 32000 and 48000:
 *
 * <pre>{@code
 * @PhasedSchedule(phases = {
 *         @Phase(steps = 400, shape = PhaseShape.CONSTANT, endLr = 0.01),
 *         @Phase(steps = 31600, shape = PhaseShape.CONSTANT, endLr = 0.1),
 *         @Phase(steps = 16000, shape = PhaseShape.CONSTANT, endLr = 0.01),
 *         @Phase(steps = 1, shape = PhaseShape.CONSTANT, endLr = 0.001)})
 * final class ResNet110 {}
 * }</pre>
 *
 * <p>The generated class is named as for {@link WarmupSchedule} ({@code <Name>StepLr}, {@code Outer_InnerStepLr}, or
 * {@link #name()}); its {@link StepLr#warmupSteps()} is the first step at which the rate is the schedule's peak.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface PhasedSchedule {

    /**
     * The phases, in the order they run.
     *
     * @return between 1 and 1000 phases
     */
    Phase[] phases();

    /**
     * The simple name of the generated class, in the annotated class's package.
     *
     * @return a Java identifier, or "" (the default) for the annotated class's name followed by {@code StepLr}
     */
    String name() default "";
}
