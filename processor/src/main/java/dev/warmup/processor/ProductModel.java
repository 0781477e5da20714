package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * A schedule that is one {@link ProductShape}: {@code @ChainedSchedule} ({@link ChainedModel}) and a schedule with
 * {@code @UntunedWarmup} beside it ({@link UntunedModel}). {@code lr} is the product's code; {@code fill} writes the
 * scale and multiplies each factor in by its own pattern ({@link ProductShape#fillBody}).
 */
interface ProductModel extends ScheduleModel {

    /** The product the schedule is. */
    ProductShape product();

    @Override
    default List<Shape> shapes() {
        return List.of(product());
    }

    @Override
    default CodeBlock lrBody(Code code) {
        return product().code(code);
    }

    @Override
    default CodeBlock fillBody(Code code) {
        return product().fillBody(code, null);
    }

    @Override
    default String fillJavadoc() {
        int ulps = fillUlps();
        return "Fills {@code out} with {@code lr(fromStep + i)}, faster than calling {@code lr}:\n"
                + (product().scale() != null ? "{@code " + product().scale().name() + "} throughout, then each factor"
                        : "the schedule's own {@code fill}, then the factor")
                + " multiplied in over the whole range, in the order\n{@code lr} multiplies, by its own pattern (closed"
                + " forms, runs of equal values, one anchor per\n{@code FILL_BLOCK} steps times tabulated factors). "
                + (ulps == 0 ? "Every value is {@code lr(fromStep + i)}, bit for bit.\n"
                        : "Every value is within " + ulps + " ulps\nof {@code lr(fromStep + i)}.\n");
    }
}
