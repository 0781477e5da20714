package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warmup.StepLr;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The class the processor generated in this build, against PyTorch's values for the same schedule. */
class Cifar10Test {

    private static final double RTOL = 1e-12;

    @Test
    void matchesPyTorch() throws IOException {
        Map<Long, Double> reference = reference();
        assertTrue(reference.size() > 50, "reference rows: " + reference.size());
        StepLr schedule = Cifar10StepLr.INSTANCE;
        reference.forEach((step, expected) -> assertEquals(expected, schedule.lr(step),
                RTOL * Math.abs(expected), "lr(" + step + ")"));
    }

    @Test
    void fillAgreesWithLr() throws IOException {
        double[] rates = new double[15_000];
        Cifar10StepLr.INSTANCE.fill(rates, 0);
        reference().forEach((step, expected) -> assertEquals(expected, rates[step.intValue()],
                RTOL * Math.abs(expected), "fill at " + step));
    }

    @Test
    void warmupEndsAtTheCardsStep() {
        assertEquals(2500, Cifar10StepLr.INSTANCE.warmupSteps());
    }

    private static Map<Long, Double> reference() throws IOException {
        Map<Long, Double> rows = new LinkedHashMap<>();
        try (InputStream in = Cifar10Test.class.getResourceAsStream("card_linear_exp.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.startsWith("step")) {
                    continue;
                }
                String[] cells = line.split(",");
                rows.put(Long.parseLong(cells[0]), Double.parseDouble(cells[1]));
            }
        }
        return rows;
    }
}
