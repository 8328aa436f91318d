package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Enclosures of the exact result of an elementwise op at one argument, computed afresh to the
 * digits asked for: the reference's own exact value is only as precise as the pass that settled
 * its rounding (a double for most float32 results), too little for the digits shown.
 *
 * <p>Arithmetic is exact (BigDecimal sums and products, quotients and square roots bracketed by
 * directed rounding). The other ops are evaluated by {@link ArbitraryPrecision} (erf and erfc by
 * {@link ErfDecimals}), except where the result is settled by the special tables (non-finite operands
 * and, for pow and atan2, zero or unit ones: read back from the reference, which holds them exactly or
 * as a multiple of π/4), is exactly zero (f(0) = 0, log(1) = 0, ...), is a constant within a bound
 * (tanh beyond 40 is 1 within 10^-34), or is too large or small to write out ({@link LogScale}).
 */
final class ElementDecimals {
    /** Beyond this |exponent| (e^g) results are enclosed through their logarithm. */
    private static final double LOG_SCALE_EXPONENT = 1000;

    static {
        ApfloatSetup.ensure();
    }

    private ElementDecimals() {
    }

    /**
     * op(x, y) (y ignored for unary ops) at about {@code digits} digits, for arguments whose reference
     * result is finite; {@code reference} is that result, read only where the special tables settled it.
     */
    static DecimalEnclosure of(Op op, double x, double y, ExactValue reference, int digits) {
        boolean finite = Double.isFinite(x) && (op.arity() == 1 || Double.isFinite(y));
        return switch (op) {
            // Exact in every dtype: the result is a double of the dtype.
            case ABS -> exactDouble(Math.abs(x));
            case NEG -> exactDouble(-x);
            case FLOOR -> exactDouble(Math.floor(x));
            case CEIL -> exactDouble(Math.ceil(x));
            case RINT -> exactDouble(Math.rint(x));
            case MAXIMUM -> exactDouble(Math.max(x, y));
            case MINIMUM -> exactDouble(Math.min(x, y));
            case MOD -> exactDouble(x % y);
            // With a non-finite operand a finite IEEE result is exact (x / ∞ = ±0).
            case ADD -> finite ? DecimalEnclosure.exact(decimal(x).add(decimal(y))) : exactDouble(x + y);
            case SUB -> finite ? DecimalEnclosure.exact(decimal(x).subtract(decimal(y))) : exactDouble(x - y);
            case MUL -> finite ? DecimalEnclosure.exact(decimal(x).multiply(decimal(y))) : exactDouble(x * y);
            case SQUARE -> finite ? DecimalEnclosure.exact(decimal(x).multiply(decimal(x))) : exactDouble(x * x);
            case DIV -> finite && y != 0 ? quotient(decimal(x), decimal(y), digits) : exactDouble(x / y);
            case RECIPROCAL -> finite && x != 0 ? quotient(BigDecimal.ONE, decimal(x), digits) : exactDouble(1 / x);
            case SQRT -> finite && x > 0 ? squareRoot(decimal(x), digits) : exactDouble(Math.sqrt(x));
            default -> function(op, x, y, reference, digits);
        };
    }

    /** a / b bracketed by the quotients rounded down and up (equal when the quotient terminates). */
    static DecimalEnclosure quotient(BigDecimal a, BigDecimal b, int digits) {
        BigDecimal lo = a.divide(b, new MathContext(digits + 5, RoundingMode.FLOOR));
        BigDecimal hi = a.divide(b, new MathContext(digits + 5, RoundingMode.CEILING));
        return DecimalEnclosure.between(lo, hi);
    }

    /** BigDecimal.sqrt is within one ulp of the true root at the precision asked; exact when it squares back. */
    private static DecimalEnclosure squareRoot(BigDecimal x, int digits) {
        BigDecimal r = x.sqrt(new MathContext(digits + 5, RoundingMode.HALF_EVEN));
        if (r.multiply(r).compareTo(x) == 0) {
            return DecimalEnclosure.exact(r);
        }
        return DecimalEnclosure.around(r, r.ulp());
    }

    private static DecimalEnclosure function(Op op, double x, double y, ExactValue reference, int digits) {
        if (settledBySpecialTables(op, x, y)) {
            return settled(reference, digits);
        }
        if (op.arity() == 1 && exactlyZero(op, x)) {
            return DecimalEnclosure.exact(BigDecimal.ZERO);
        }
        DecimalEnclosure e = nearConstant(op, x);
        if (e == null) {
            e = logScale(op, x, y, digits);
        }
        if (e != null) {
            return e;
        }
        if (op == Op.ERF) {
            return ErfDecimals.erf(x, digits);
        }
        if (op == Op.ERFC) {
            return ErfDecimals.erfc(x, digits);
        }
        ArbitraryPrecision.Result r = ArbitraryPrecision.evaluate(op, x, y, digits);
        return DecimalEnclosure.relative(r.value(), r.goodDigits());
    }

    /**
     * Arguments for which C99 Annex F prescribes the result outright: any non-finite operand, and for
     * pow and atan2 zero operands (whose sign decides atan2) and pow's x = 1 or y = 0.
     */
    private static boolean settledBySpecialTables(Op op, double x, double y) {
        if (!Double.isFinite(x) || op.arity() == 2 && !Double.isFinite(y)) {
            return true;
        }
        return switch (op) {
            case POW -> x == 0 || x == 1 || y == 0;
            case ATAN2 -> x == 0 || y == 0;
            default -> false;
        };
    }

    /**
     * The prescribed results of finite value are 0, ±1 and 2 (held exactly) or ±π/4, ±π/2, ±3π/4 and ±π
     * (held to 2^-106, which tells them apart); the multiple of π is written out from apfloat's π.
     */
    private static DecimalEnclosure settled(ExactValue reference, int digits) {
        double v = reference.hi();
        if (reference.lo() == 0 && reference.scale() == 0 && v == Math.rint(v) && Math.abs(v) <= 2) {
            return DecimalEnclosure.exact(new BigDecimal(v));
        }
        for (int k = 1; k <= 4; k++) {
            double c = k * (Math.PI / 4);
            if (reference.scale() == 0 && Math.abs(Math.abs(v) - c) <= 4 * Math.ulp(c)) {
                long p = digits + 10L;
                Apfloat pi = ApfloatMath.pi(p);
                BigDecimal multiple = LogScale.decimal(pi.multiply(new Apfloat(k, p)).divide(new Apfloat(4, p)));
                long good = Math.min(pi.precision(), p) - ArbitraryPrecision.GUARD_DIGITS;
                return DecimalEnclosure.relative(v < 0 ? multiple.negate() : multiple, good);
            }
        }
        return DecimalEnclosure.NOTHING;
    }

    /**
     * The finite arguments where a unary op's value is exactly 0: f(0) = 0 for the odd functions and
     * expm1, log1p, cbrt; f(1) = 0 for the logarithms, acosh and acos. No other double is a zero of
     * these functions (sin and tan vanish at multiples of π, and no nonzero double is one).
     */
    private static boolean exactlyZero(Op op, double x) {
        return switch (op) {
            case SIN, TAN, ASIN, ATAN, SINH, TANH, ASINH, ATANH, ERF, EXPM1, LOG1P, CBRT -> x == 0;
            case LOG, LOG2, LOG10, ACOSH, ACOS -> x == 1;
            default -> false;
        };
    }

    /**
     * Results within a proven bound of a constant, where evaluating would cost hundreds of digits:
     * 1 - tanh a = 2/(e^2a + 1) < 2e^-80 < 10^-34 for a > 40; 1 - sigmoid x < e^-x < 10^-43 and
     * softplus x - x = log1p(e^-x) < e^-x < 10^-43 for x > 100; expm1 x + 1 = e^x < 10^-43 for x < -100.
     */
    private static DecimalEnclosure nearConstant(Op op, double x) {
        BigDecimal tiny = new BigDecimal("1E-43");
        return switch (op) {
            case TANH -> Math.abs(x) > 40 ? (x > 0 ? DecimalEnclosure.between(BigDecimal.ONE.subtract(new BigDecimal("1E-34")), BigDecimal.ONE)
                    : DecimalEnclosure.between(BigDecimal.ONE.negate(), new BigDecimal("1E-34").subtract(BigDecimal.ONE))) : null;
            case SIGMOID -> x > 100 ? DecimalEnclosure.between(BigDecimal.ONE.subtract(tiny), BigDecimal.ONE) : null;
            case SOFTPLUS -> x > 100 ? DecimalEnclosure.between(decimal(x), decimal(x).add(tiny)) : null;
            case EXPM1 -> x < -100 ? DecimalEnclosure.between(BigDecimal.ONE.negate(), tiny.subtract(BigDecimal.ONE)) : null;
            default -> null;
        };
    }

    /**
     * Results beyond 10^±434 (exponents beyond 1000), as sign × e^g × F with the left-out factor F
     * bounded: expm1 x = e^x (1 - e^-x); sinh x = ±e^(|x| - ln 2) (1 - e^-2|x|); cosh x = e^(|x| - ln 2)
     * (1 + e^-2|x|); sigmoid x = e^x / (1 + e^x) ∈ e^x [1 - e^x, 1]; softplus x = log1p(u) ∈ u [1 - u/2, 1]
     * with u = e^x; e^-1000 < 10^-434, so F lies within 10^-400 of 1. pow: |x|^y = e^(y ln|x|), negative
     * for x < 0 and odd y. Null where the op's exponent is not that large.
     */
    private static DecimalEnclosure logScale(Op op, double x, double y, int digits) {
        BigDecimal one = BigDecimal.ONE;
        BigDecimal below = one.subtract(new BigDecimal("1E-400"));
        BigDecimal above = one.add(new BigDecimal("1E-400"));
        double a = Math.abs(x);
        boolean large = a > LOG_SCALE_EXPONENT;
        return switch (op) {
            case EXP -> large ? exp(decimal(x), digits, false, one, one, 1) : null;
            case EXP2 -> a > 1.5 * LOG_SCALE_EXPONENT ? exp(decimal(x), digits, true, one, one, 1) : null;
            case EXPM1 -> x > LOG_SCALE_EXPONENT ? exp(decimal(x), digits, false, below, one, 1) : null;
            case SIGMOID, SOFTPLUS -> x < -LOG_SCALE_EXPONENT ? exp(decimal(x), digits, false, below, one, 1) : null;
            case SINH -> large ? expMinusLn2(a, digits, below, one, x > 0 ? 1 : -1) : null;
            case COSH -> large ? expMinusLn2(a, digits, one, above, 1) : null;
            case POW -> power(x, y, digits);
            default -> null;
        };
    }

    /** e^x, or 2^x = e^(x ln 2) when {@code base2}. */
    private static DecimalEnclosure exp(BigDecimal x, int digits, boolean base2, BigDecimal fLo, BigDecimal fHi, int sign) {
        long p = integerDigits(x.doubleValue()) + digits + 10L;
        Apfloat g = new Apfloat(x, Math.max(p, x.precision()));
        if (base2) {
            g = g.multiply(ApfloatMath.log(new Apfloat(2, p)));
        }
        return LogScale.exp(g, p, fLo, fHi, sign, digits);
    }

    private static DecimalEnclosure expMinusLn2(double a, int digits, BigDecimal fLo, BigDecimal fHi, int sign) {
        long p = integerDigits(a) + digits + 10L;
        BigDecimal ad = decimal(a);
        Apfloat g = new Apfloat(ad, Math.max(p, ad.precision())).subtract(ApfloatMath.log(new Apfloat(2, p)));
        return LogScale.exp(g, p, fLo, fHi, sign, digits);
    }

    /** x^y through e^(y ln|x|) when that exponent is beyond 1000 (x finite, nonzero, not 1: see the special tables). */
    private static DecimalEnclosure power(double x, double y, int digits) {
        double lnX = Math.log(Math.abs(x));
        // log10 |y ln|x||, without overflowing y ln|x| in doubles.
        double magnitude = Math.log10(Math.abs(y)) + Math.log10(Math.abs(lnX));
        if (!(magnitude > Math.log10(LOG_SCALE_EXPONENT))) {
            return null;
        }
        // ln|x| near 0 (x near 1) loses the digits of its smallness to cancellation: asked for in advance.
        long smallness = Math.abs(lnX) < 1 ? (long) -Math.floor(Math.log10(Math.abs(lnX))) : 0;
        long p = (long) magnitude + 2 + digits + 10L;
        BigDecimal xd = decimal(Math.abs(x));
        BigDecimal yd = decimal(y);
        Apfloat ln = ApfloatMath.log(new Apfloat(xd, Math.max(p + smallness, xd.precision())));
        Apfloat g = new Apfloat(yd, Math.max(p, yd.precision())).multiply(ln);
        int sign = x < 0 && BinarySpecialValues.isOddInteger(y) ? -1 : 1;
        return LogScale.exp(g, p, BigDecimal.ONE, BigDecimal.ONE, sign, digits);
    }

    private static long integerDigits(double v) {
        double a = Math.abs(v);
        return a < 1 ? 1 : (long) Math.floor(Math.log10(a)) + 1;
    }

    private static DecimalEnclosure exactDouble(double v) {
        return Double.isFinite(v) ? DecimalEnclosure.exact(decimal(v)) : DecimalEnclosure.NOTHING;
    }

    private static BigDecimal decimal(double v) {
        return new BigDecimal(v);
    }
}
