package dev.warmup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The container of repeated {@link Quantity} annotations; the compiler writes it when a class has more than one, so
 * there is no need to write it by hand.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Quantities {

    /**
     * The quantities, one method each.
     *
     * @return the quantities
     */
    Quantity[] value();
}
