package example

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import kotlin.math.pow

/**
 * The classes kapt generated in this build, against values worked out by hand from the schedules' definitions
 * (not from the generated code).
 */
class SchedulesTest {

    private fun assertRate(expected: Double, actual: Double, what: String) =
        assertEquals(expected, actual, 1e-12 * Math.abs(expected), what)

    @Test
    fun cifar10WarmsUpLinearlyThenDecaysExponentially() {
        val s = Cifar10StepLr.INSTANCE
        // Warmup: 0.1 * step / 2500.
        assertEquals(0.0, s.lr(0))
        assertRate(0.00004, s.lr(1), "lr(1)")            // 0.1 / 2500
        assertRate(0.05, s.lr(1250), "lr(1250)")         // half way
        assertRate(0.09996, s.lr(2499), "lr(2499)")      // 0.1 * 2499 / 2500
        // Decay: 0.1 * 0.9999^(step - 2500).
        assertRate(0.1, s.lr(2500), "lr(2500)")
        assertRate(0.09999, s.lr(2501), "lr(2501)")      // 0.1 * 0.9999
        assertRate(0.099980001, s.lr(2502), "lr(2502)")  // 0.1 * 0.9999^2 = 0.1 * 0.99980001
        assertRate(0.1 * 0.9999.pow(10_000), s.lr(12_500), "lr(12500)")
        assertRate(0.03678610464329705, s.lr(12_500), "lr(12500)") // 0.1 * exp(10000 * ln 0.9999), about 0.1 / e
        assertEquals(2500L, s.warmupSteps())
    }

    @Test
    fun wsdRisesHoldsAndFalls() {
        val s = WsdStepLr.INSTANCE
        assertEquals(0.0, s.lr(0))
        assertRate(5e-4, s.lr(500), "lr(500)")           // 1e-3 * 500 / 1000
        assertRate(1e-3, s.lr(1000), "lr(1000)")
        assertRate(1e-3, s.lr(7999), "lr(7999)")         // stable phase: steps 1000 to 7999
        assertRate(1e-3, s.lr(8000), "lr(8000)")         // decay starts from 1e-3
        assertRate(5e-4, s.lr(9000), "lr(9000)")         // 1e-3 * (1 - 1000 / 2000)
        assertRate(1e-6, s.lr(9998), "lr(9998)")         // 1e-3 * 2 / 2000
        assertEquals(0.0, s.lr(10_000))
    }
}
