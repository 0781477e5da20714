package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * A schedule that is one {@link ProductShape}: {@code @ChainedSchedule} ({@link ChainedModel}) and a schedule with
 * {@code @UntunedWarmup} beside it ({@link UntunedModel}). {@code lr} is the product's code.
 */
interface ProductModel extends ScheduleModel {

    /** The product the schedule is. */
    ProductShape product();

    @Override
    default CodeBlock body(Code code) {
        return product().code(code);
    }
}
