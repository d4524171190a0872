package dev.arbiter.policy.tck;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Numbers as Jackson reads them from a JSON body. */
final class JsonNumbers {

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonNumbers() {
    }

    /**
     * @return Integer, Long or BigInteger for a number written without a fraction, else a Double; a BigDecimal when a
     *         double cannot hold the written digits (as with Jackson's USE_BIG_DECIMAL_FOR_FLOATS)
     */
    static Number asJackson(Number number) {
        if (number instanceof Double) {
            return number;
        }
        BigDecimal decimal = (BigDecimal) number;
        if (decimal.scale() <= 0) {
            BigInteger integer = decimal.toBigIntegerExact();
            if (integer.compareTo(INT_MIN) >= 0 && integer.compareTo(INT_MAX) <= 0) {
                return integer.intValue();
            }
            return integer.compareTo(LONG_MIN) >= 0 && integer.compareTo(LONG_MAX) <= 0 ? integer.longValue() : integer;
        }
        double d = decimal.doubleValue();
        return Double.isFinite(d) && BigDecimal.valueOf(d).compareTo(decimal) == 0 ? d : decimal;
    }
}
