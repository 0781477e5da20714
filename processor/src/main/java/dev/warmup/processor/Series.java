package dev.warmup.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * A value the generated class computes from the step alone, as a method: the rate ({@link ScheduleModel}) or another
 * quantity beside it ({@link QuantityModel}). Two faces that agree to the bit: {@link #at(long)}, the evaluator used
 * for Javadoc, the chart and tests, and {@link #body(Code)}, the method's code, which composes the shapes' code as
 * {@code at} composes their evaluators.
 */
interface Series {

    /** The value at {@code step >= 0}, exactly as the generated method computes it. */
    double at(long step);

    /** The statements of the method after its check of a negative step; they end by returning the value. */
    CodeBlock body(Code code);

    /** The rows of the Javadoc's formula table: the steps, the formula, and how the constants compute it. */
    List<ScheduleModel.FormulaRow> formulaRows();
}
