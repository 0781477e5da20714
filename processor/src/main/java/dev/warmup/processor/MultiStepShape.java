package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Multi-step, PyTorch's {@code MultiStepLR}: from a, times gamma at each milestone (absolute steps),
 * {@code lr = a * gamma^k}, k the number of milestones {@code <= t}. The rate after each milestone is a constant,
 * multiplied out at compile time as {@code MultiStepLR} multiplies it at run time; up to {@value #MAX_CHAIN}
 * milestones are a branch chain, more a binary search over two constant arrays.
 */
record MultiStepShape(List<Long> milestones, List<Double> rates, Names names) implements Shape {

    static final int MAX_CHAIN = 8;

    static MultiStepShape of(long[] milestones, double start, double gamma, Names names) {
        List<Long> steps = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        double rate = start;
        rates.add(rate);
        for (long milestone : milestones) {
            steps.add(milestone);
            rate *= gamma;
            rates.add(rate);
        }
        return new MultiStepShape(List.copyOf(steps), List.copyOf(rates), names);
    }

    private boolean chained() {
        return milestones.size() <= MAX_CHAIN;
    }

    private NamedConstant startConstant() {
        return NamedConstant.ofDouble(names.name("START_LR"), rates.get(0), names.startDoc());
    }

    private NamedConstant milestone(int i) {
        return NamedConstant.ofLong(names.name("MILESTONE_" + (i + 1)), milestones.get(i), "milestones[" + i + "]");
    }

    private NamedConstant rateAfter(int i) {
        return NamedConstant.ofDouble(names.name("LR_AFTER_MILESTONE_" + (i + 1)), rates.get(i + 1),
                names.words("{a}") + " * gamma^" + (i + 1));
    }

    private NamedConstant milestoneArray() {
        return new NamedConstant(names.name("MILESTONES"), milestones.stream().mapToLong(Long::longValue).toArray(),
                "milestones");
    }

    private NamedConstant rateArray() {
        return new NamedConstant(names.name("RATES"), rates.stream().mapToDouble(Double::doubleValue).toArray(),
                "RATES[k] = " + names.words("{a}") + " * gamma^k: the rate once k milestones have passed");
    }

    @Override
    public double at(long step) {
        int passed = 0;
        while (passed < milestones.size() && milestones.get(passed) <= step) {
            passed++;
        }
        return rates.get(passed);
    }

    @Override
    public CodeBlock code(Code code) {
        CodeBlock.Builder body = CodeBlock.builder();
        if (!chained()) {
            String rates = code.use(rateArray());
            return body.addStatement("int found = $T.binarySearch($N, step)", Arrays.class, code.use(milestoneArray()))
                    .addStatement("return $N[found >= 0 ? found + 1 : -found - 1]", rates)
                    .build();
        }
        for (int i = 0; i < milestones.size(); i++) {
            body.beginControlFlow("if (step < $N)", code.use(milestone(i)))
                    .addStatement("return $N", code.use(i == 0 ? startConstant() : rateAfter(i - 1)))
                    .endControlFlow();
        }
        return body.addStatement("return $N", code.use(rateAfter(milestones.size() - 1))).build();
    }

    @Override
    public String formula() {
        return names.words("{a} * gamma^k, k = number of milestones <= t");
    }

    @Override
    public String computation() {
        return chained() ? startConstant().name() + " before MILESTONE_1, LR_AFTER_MILESTONE_k from MILESTONE_k on"
                : "RATES[k], k = number of MILESTONES <= t (binary search)";
    }

    @Override
    public String kind() {
        return "multi-step";
    }
}
