package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * A schedule that is one {@link ProductShape}: {@code @ChainedSchedule} ({@link ChainedModel}) and a schedule with
 * {@code @UntunedWarmup} beside it ({@link UntunedModel}). {@code lr} is the product's code and {@code fill} the same
 * product at every step.
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
        return product().fillBody(code);
    }

    @Override
    default String fillJavadoc() {
        return "Fills {@code out} with {@code lr(fromStep + i)}: the same product, computed at every step.\n";
    }
}
