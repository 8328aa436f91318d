#!/usr/bin/env python3
"""An independent reference for opcompare's ops: the correctly rounded result of every op of the
catalog in float16, bfloat16, float32 and float64, from mpmath and Python's exact integers and
fractions, sharing no code and no formula with the engine's reference (MpmathCrossCheckTest
compares the two bit for bit).

Usage: mpmath_reference.py INPUT OUTPUT

Each INPUT line is "ID OP DTYPE OPERAND [OPERAND]", an operand being the comma-separated bit
patterns of its elements in hexadecimal, in the dtype's own encoding (bfloat16: the top half of a
float32). Each OUTPUT line is "ID RESULT" with RESULT the comma-separated bit patterns of the
outputs (any NaN is written "nan"), or "ID ERROR message".

How results are rounded (round to nearest, ties to even, as IEEE 754 does):
- Rational results (add, sub, mul, div, fmod, square, reciprocal, sums, means, products, dot
  products, pow with an integer or dyadic-root exponent, exp2 of an integer) are computed exactly
  as Fractions and rounded once, directly to the target format: the quantum is 2^(e-p+1) with e
  the exponent of the exact value, clamped at the smallest normal exponent, so subnormal results
  get the subnormal spacing and are rounded once (no double rounding through another format); a
  value whose rounding (with the exponent range unbounded) reaches 2^(emax+1) is an overflow and
  becomes infinity; a value at or below half the smallest subnormal rounds to a signed zero (the
  exact half ties to even, to zero).
- Everything else is evaluated by mpmath twice, at precision wp and wp + 48 bits. The second is
  taken as the value and its error bounded by the larger of 4 times the difference of the two and
  2^(8-wp) relative (mpmath's functions are accurate to a few units in their last bit; a lost
  digit would show as a difference between the two). If both ends of that interval, rounded
  exactly as above, give the same bits, that is the answer; else wp doubles, from 96 up to 24576
  bits. None of these ops can have an exact midpoint as its value at these arguments (their values
  are irrational or rationals with an odd denominator, or exact and handled above), so the loop
  ends unless a value is closer to a midpoint than 2^-24000, which none is known to be.
- Special values (NaN, infinities, signed zeros, poles, out-of-domain arguments) follow C99 Annex F
  and IEEE 754-2019 (maximum and minimum propagate NaN and order -0 below +0; rsqrt(+-0) = +-inf;
  sigmoid, softplus and the rest as the limits of their definitions), written out per op below.
  A nonzero exact value that rounds to zero keeps its sign (-0 for a negative one).
"""
import math
import struct
import sys
from fractions import Fraction

import mpmath
from mpmath import mp, mpf

# precision p (significand bits with the implicit one), emin, emax
FORMATS = {'float16': (11, -14, 15), 'bfloat16': (8, -126, 127), 'float32': (24, -126, 127), 'float64': (53, -1022, 1023)}
INF = float('inf')
NAN = float('nan')
START_BITS = 96
MAX_BITS = 24576


class Undecided(Exception):
    pass


# ---- encoding -------------------------------------------------------------------------------------

def decode(dtype, text):
    bits = int(text, 16)
    if dtype == 'float64':
        return struct.unpack('<d', bits.to_bytes(8, 'little'))[0]
    if dtype == 'float32':
        return struct.unpack('<f', bits.to_bytes(4, 'little'))[0]
    if dtype == 'float16':
        return struct.unpack('<e', bits.to_bytes(2, 'little'))[0]
    return struct.unpack('<f', (bits << 16).to_bytes(4, 'little'))[0]


def encode(dtype, v):
    """The bit pattern of a value the dtype holds exactly; anything else is a bug here."""
    if math.isnan(v):
        return 'nan'
    if dtype == 'float64':
        text = '%016x' % struct.unpack('<Q', struct.pack('<d', v))[0]
    elif dtype == 'float32':
        text = '%08x' % struct.unpack('<I', struct.pack('<f', v))[0]
    elif dtype == 'float16':
        text = '%04x' % struct.unpack('<H', struct.pack('<e', v))[0]
    else:
        text = '%04x' % (struct.unpack('<I', struct.pack('<f', v))[0] >> 16)
    back = decode(dtype, text)
    if back != v or math.copysign(1, back) != math.copysign(1, v):
        raise AssertionError('%r is not a %s value' % (v, dtype))
    return text


# ---- rounding -------------------------------------------------------------------------------------

def round_scaled(negative, man, exp, fmt):
    """(-1)^negative * man * 2^exp (man > 0, exact integers) rounded to nearest even in fmt, as a float."""
    p, emin, emax = fmt
    e = man.bit_length() - 1 + exp  # 2^e <= value < 2^(e+1)
    sign = -1.0 if negative else 1.0
    if e > emax + 1:
        return sign * INF
    if e <= emin - p - 1:
        return sign * 0.0  # below half the smallest subnormal 2^(emin-p+1)
    q = max(e, emin) - p + 1  # exponent of the quantum
    shift = q - exp
    if shift <= 0:
        n = man << -shift
    else:
        n = man >> shift
        rem = man - (n << shift)
        half = 1 << (shift - 1)
        if rem > half or (rem == half and n & 1):
            n += 1
    if n == 0:
        return sign * 0.0
    if n.bit_length() - 1 + q > emax:
        return sign * INF
    return sign * math.ldexp(n, q)


def round_fraction(v, fmt):
    """A nonzero Fraction rounded once to fmt."""
    a = abs(v)
    p, emin, emax = fmt
    e = a.numerator.bit_length() - a.denominator.bit_length()
    if Fraction(2) ** e > a:
        e -= 1
    sign = -1.0 if v < 0 else 1.0
    if e > emax + 1:
        return sign * INF
    if e <= emin - p - 1:
        return sign * 0.0
    q = max(e, emin) - p + 1
    n = a / Fraction(2) ** q
    f = n.numerator // n.denominator
    r = n - f
    if r > Fraction(1, 2) or (r == Fraction(1, 2) and f & 1):
        f += 1
    if f == 0:
        return sign * 0.0
    if f.bit_length() - 1 + q > emax:
        return sign * INF
    return sign * math.ldexp(f, q)


def round_mpf(y, fmt):
    sign, man, exp, _ = y._mpf_
    return round_scaled(sign == 1, man, exp, fmt)


def same(a, b):
    return a == b and math.copysign(1, a) == math.copysign(1, b)


def decide(fn, fmt):
    """The correctly rounded value of fn() (an mpf expression, nonzero), escalating precision."""
    wp = START_BITS
    while wp <= MAX_BITS:
        with mp.workprec(wp):
            y1 = fn()
        with mp.workprec(wp + 48):
            y2 = fn()
        if mpmath.isfinite(y1) and mpmath.isfinite(y2) and y2 != 0:
            with mp.workprec(64):
                err = max(4 * abs(y1 - y2), abs(y2) * mpmath.ldexp(1, 8 - wp))
            lo = mpmath.fsub(y2, err, exact=True)
            hi = mpmath.fadd(y2, err, exact=True)
            if lo != 0 and hi != 0 and (lo > 0) == (hi > 0):
                rounded = round_mpf(lo, fmt)
                if same(rounded, round_mpf(hi, fmt)):
                    return rounded
        wp *= 2
    raise Undecided('no decision at %d bits' % MAX_BITS)


# ---- the ops --------------------------------------------------------------------------------------

def F(x):
    return Fraction(x)


def is_int(x):
    return math.isfinite(x) and x == math.floor(x)


def is_odd_int(x):
    return is_int(x) and abs(x) < 2 ** 53 and int(x) % 2 == 1


def result(value, fmt):
    """Rounds what an op returns: a float (exact special value), a Fraction, or a callable for mpmath."""
    if isinstance(value, float):
        return value
    if isinstance(value, Fraction):
        return 0.0 if value == 0 else round_fraction(value, fmt)
    return decide(value, fmt)


def signed_zero_or(v, x):
    """An exact rational result that is zero takes the sign of x (floor(-0.5) = -0, fmod(-4, 2) = -0)."""
    return math.copysign(0.0, x) if v == 0 else v


def unary(op, x, fmt):
    nan = math.isnan(x)
    if nan:
        return NAN
    inf = math.isinf(x)
    X = mpf(x)  # exact
    if op == 'abs':
        return abs(x)
    if op == 'neg':
        return -x
    if op in ('floor', 'ceil', 'rint'):
        if inf or x == 0:
            return x
        f = {'floor': math.floor, 'ceil': math.ceil, 'rint': round}[op](F(x))  # Python's round: ties to even
        return signed_zero_or(F(f), x)
    if op == 'square':
        return INF if inf else (0.0 if x == 0 else F(x) * F(x))
    if op == 'reciprocal':
        if x == 0:
            return math.copysign(INF, x)
        return math.copysign(0.0, x) if inf else 1 / F(x)
    if op == 'sqrt':
        if x == 0:
            return x
        if x < 0:
            return NAN
        return INF if inf else (lambda: mpmath.sqrt(X))
    if op == 'rsqrt':
        if x == 0:
            return math.copysign(INF, x)
        if x < 0:
            return NAN
        return 0.0 if inf else (lambda: 1 / mpmath.sqrt(X))
    if op == 'cbrt':
        if x == 0 or inf:
            return x
        return lambda: mpmath.cbrt(X) if x > 0 else -mpmath.cbrt(-X)
    if op in ('exp', 'exp2'):
        if inf:
            return INF if x > 0 else 0.0
        if x == 0:
            return 1.0
        if op == 'exp2' and is_int(x):
            return power_of_two(int(x), fmt)
        return (lambda: mpmath.exp(X)) if op == 'exp' else (lambda: mpmath.power(2, X))
    if op == 'expm1':
        if inf:
            return INF if x > 0 else -1.0
        if x == 0:
            return x
        return lambda: mpmath.expm1(X)
    if op in ('log', 'log2', 'log10'):
        if x == 0:
            return -INF
        if x < 0:
            return NAN
        if inf:
            return INF
        if x == 1:
            return 0.0
        if op == 'log2':
            n, d = F(x).as_integer_ratio()
            if n & (n - 1) == 0 and d & (d - 1) == 0:
                return F(n.bit_length() - d.bit_length())
        return {'log': lambda: mpmath.log(X), 'log2': lambda: mpmath.log(X, 2), 'log10': lambda: mpmath.log10(X)}[op]
    if op == 'log1p':
        if x == -1:
            return -INF
        if x < -1:
            return NAN
        if inf or x == 0:
            return x
        return lambda: mpmath.log1p(X)
    if op in ('sin', 'cos', 'tan'):
        if inf:
            return NAN
        if x == 0:
            return 1.0 if op == 'cos' else x
        return {'sin': lambda: mpmath.sin(X), 'cos': lambda: mpmath.cos(X), 'tan': lambda: mpmath.tan(X)}[op]
    if op in ('asin', 'acos'):
        if abs(x) > 1:
            return NAN
        if op == 'acos' and x == 1:
            return 0.0
        if op == 'asin' and x == 0:
            return x
        return (lambda: mpmath.asin(X)) if op == 'asin' else (lambda: mpmath.acos(X))
    if op == 'atan':
        if x == 0:
            return x
        return (lambda: mpmath.pi / 2 * (1 if x > 0 else -1)) if inf else (lambda: mpmath.atan(X))
    if op in ('sinh', 'asinh'):
        if x == 0 or inf:
            return x
        return (lambda: mpmath.sinh(X)) if op == 'sinh' else (lambda: mpmath.asinh(X))
    if op == 'cosh':
        if inf:
            return INF
        return 1.0 if x == 0 else (lambda: mpmath.cosh(X))
    if op == 'tanh':
        if inf:
            return math.copysign(1.0, x)
        return x if x == 0 else (lambda: mpmath.tanh(X))
    if op == 'acosh':
        if x < 1:
            return NAN
        if x == 1:
            return 0.0
        return INF if inf else (lambda: mpmath.acosh(X))
    if op == 'atanh':
        if abs(x) > 1:
            return NAN
        if abs(x) == 1:
            return math.copysign(INF, x)
        return x if x == 0 else (lambda: mpmath.atanh(X))
    if op == 'sigmoid':
        if inf:
            return 1.0 if x > 0 else 0.0
        return 0.5 if x == 0 else (lambda: 1 / (1 + mpmath.exp(-X)))
    if op == 'softplus':
        if inf:
            return INF if x > 0 else 0.0
        return lambda: mpmath.log1p(mpmath.exp(X))
    if op == 'erf':
        if inf:
            return math.copysign(1.0, x)
        return x if x == 0 else (lambda: mpmath.erf(X))
    if op == 'erfc':
        if inf:
            return 0.0 if x > 0 else 2.0
        if x >= 64:
            # erfc(x) <= e^(-x^2) for x >= 0, below 2^-5900 here: +0 in every format (mpmath's erfc
            # cannot take arguments near the double range's end).
            return 0.0
        return 1.0 if x == 0 else (lambda: mpmath.erfc(X))
    raise ValueError('unknown unary op ' + op)


def power_of_two(k, fmt):
    """2^k exactly, without building huge integers far outside every range."""
    p, emin, emax = fmt
    if k > emax + 1:
        return INF
    if k < emin - p - 1:
        return 0.0
    return F(2) ** k


def binary(op, x, y, fmt):
    if op == 'pow':
        return power(x, y, fmt)
    if op in ('maximum', 'minimum'):
        if math.isnan(x) or math.isnan(y):
            return NAN
        if x == y == 0:
            neg = math.copysign(1, x) < 0, math.copysign(1, y) < 0
            return -0.0 if (all(neg) if op == 'maximum' else any(neg)) else 0.0
        return max(x, y) if op == 'maximum' else min(x, y)
    if math.isnan(x) or math.isnan(y):
        return NAN
    if op == 'atan2':
        return atan2(x, y)
    if op == 'mod':
        if math.isinf(x) or y == 0:
            return NAN
        if math.isinf(y) or x == 0:
            return x
        q = F(x) / F(y)
        t = math.floor(q) if q > 0 else math.ceil(q)  # truncated quotient
        return signed_zero_or(F(x) - t * F(y), x)
    if op in ('add', 'sub'):
        if op == 'sub':
            y = -y
        if math.isinf(x) or math.isinf(y):
            if math.isinf(x) and math.isinf(y) and x != y:
                return NAN
            return x if math.isinf(x) else y
        s = F(x) + F(y)
        if s == 0:
            # IEEE: an exact zero sum is +0 in round to nearest, unless both addends are -0.
            return -0.0 if math.copysign(1, x) < 0 and math.copysign(1, y) < 0 else 0.0
        return s
    if op == 'mul':
        sign = math.copysign(1, x) * math.copysign(1, y)
        if math.isinf(x) or math.isinf(y):
            return NAN if x == 0 or y == 0 else sign * INF
        return sign * 0.0 if x == 0 or y == 0 else F(x) * F(y)
    if op == 'div':
        sign = math.copysign(1, x) * math.copysign(1, y)
        if math.isinf(x):
            return NAN if math.isinf(y) else sign * INF
        if math.isinf(y):
            return sign * 0.0
        if y == 0:
            return NAN if x == 0 else sign * INF
        return sign * 0.0 if x == 0 else F(x) / F(y)
    raise ValueError('unknown binary op ' + op)


def atan2(y, x):
    """C99 atan2(y, x), y the first operand."""
    s = math.copysign(1, y)
    neg_x = math.copysign(1, x) < 0
    pi = lambda k: (lambda: s * k * mpmath.pi)  # noqa: E731
    if y == 0:
        return pi(1) if neg_x else y
    if math.isinf(y):
        if math.isinf(x):
            return pi(0.75) if neg_x else pi(0.25)
        return pi(0.5)
    if x == 0:
        return pi(0.5)
    if math.isinf(x):
        return pi(1) if neg_x else s * 0.0
    Y, X = mpf(y), mpf(x)
    return lambda: mpmath.atan2(Y, X)


def power(x, y, fmt):
    """C99 pow(x, y)."""
    if y == 0 or x == 1:
        return 1.0
    if math.isnan(x) or math.isnan(y):
        return NAN
    odd = is_odd_int(y)
    if x == 0:
        if y < 0:
            return math.copysign(INF, x) if odd else INF
        return x if odd else 0.0
    if math.isinf(y):
        if abs(x) == 1:
            return 1.0
        return INF if (abs(x) < 1) == (y < 0) else 0.0
    if math.isinf(x):
        magnitude = 0.0 if y < 0 else INF
        return -magnitude if x < 0 and odd else magnitude
    if x < 0 and not is_int(y):
        return NAN
    sign = -1 if x < 0 and odd else 1
    a = abs(x)
    exact = exact_power(a, y, fmt)
    if exact is not None:
        return sign * exact
    A, Y = mpf(a), mpf(y)
    return lambda: sign * mpmath.power(A, Y)


def exact_power(a, y, fmt):
    """a^y (a > 0) when it is a dyadic rational small enough to form, else None (then it is irrational,
    has an odd denominator, or has an odd part of more than 64 bits: never a midpoint)."""
    n, d = a.as_integer_ratio()  # a = n / d, d a power of two
    j = -(d.bit_length() - 1)
    while n % 2 == 0:
        n //= 2
        j += 1
    # a = n * 2^j, n odd
    yn, yd = y.as_integer_ratio()  # y = yn / yd, yd = 2^k
    k = yd.bit_length() - 1
    root = n
    for _ in range(k):
        s = math.isqrt(root)
        if s * s != root:
            return None
        root = s
    if j % yd != 0:
        return None
    # a^y = (root * 2^(j / 2^k))^yn
    jr = j // yd
    if root == 1:
        return power_of_two(jr * yn, fmt)
    if yn < 0 or yn > 4096:
        return None
    p, emin, emax = fmt
    log2 = yn * (math.log2(root) + jr)
    if log2 > emax + 2:
        return INF
    if log2 < emin - p - 2:
        return 0.0
    return Fraction(root) ** yn * Fraction(2) ** (jr * yn)


# ---- reductions, softmax, matmul ------------------------------------------------------------------

def reduction(op, xs, fmt):
    if op in ('reduce_max', 'reduce_min'):
        r = -INF if op == 'reduce_max' else INF
        for v in xs:
            r = binary('maximum' if op == 'reduce_max' else 'minimum', r, v, fmt)
        return r
    if any(math.isnan(v) for v in xs):
        return NAN
    if op in ('reduce_sum', 'reduce_mean'):
        if op == 'reduce_mean' and not xs:
            return NAN
        pos, neg = INF in xs, -INF in xs
        if pos and neg:
            return NAN
        if pos or neg:
            return INF if pos else -INF
        s = sum((F(v) for v in xs), Fraction(0))
        if s == 0:
            return -0.0 if xs and all(math.copysign(1, v) < 0 for v in xs) else 0.0
        return s / len(xs) if op == 'reduce_mean' else s
    if op == 'reduce_prod':
        zero = any(v == 0 for v in xs)
        inf = any(math.isinf(v) for v in xs)
        negative = sum(1 for v in xs if math.copysign(1, v) < 0) % 2 == 1
        sign = -1.0 if negative else 1.0
        if zero and inf:
            return NAN
        if zero or inf:
            return sign * (0.0 if zero else INF)
        prod = Fraction(1)
        for v in xs:
            prod *= F(v)
        return prod
    if op == 'logsumexp':
        if INF in xs:
            return INF
        finite = [v for v in xs if v != -INF]
        if not finite:
            return -INF
        if len(finite) == 1:
            return F(finite[0])  # log(e^x) = x; log(e^-0) = log 1 = +0
        m = max(finite)
        M = mpf(m)
        terms = [mpf(v) for v in finite]
        return lambda: M + mpmath.log(mpmath.fsum(mpmath.exp(t - M) for t in terms))
    raise ValueError('unknown reduction ' + op)


def softmax(xs):
    if any(math.isnan(v) or v == INF for v in xs) or all(v == -INF for v in xs):
        return [NAN] * len(xs)
    finite = [mpf(v) for v in xs if v != -INF]
    m = max(finite)
    out = []
    for v in xs:
        if v == -INF:
            out.append(0.0)
        else:
            V = mpf(v)
            out.append(lambda V=V: mpmath.exp(V - m) / mpmath.fsum(mpmath.exp(t - m) for t in finite))
    return out


def matmul(a, b):
    n = math.isqrt(len(a))
    out = []
    for i in range(n):
        for j in range(n):
            pairs = [(a[i * n + k], b[k * n + j]) for k in range(n)]
            if any(math.isnan(x) or math.isnan(y) or (math.isinf(x) and y == 0) or (x == 0 and math.isinf(y))
                   for x, y in pairs):
                out.append(NAN)
                continue
            infinite = [x * y for x, y in pairs if math.isinf(x) or math.isinf(y)]
            if infinite:
                out.append(NAN if INF in infinite and -INF in infinite else infinite[0])
                continue
            s = sum((F(x) * F(y) for x, y in pairs), Fraction(0))
            if s == 0:
                # Exact products: a zero product is -0 when its signs differ; the sum of -0s alone is -0.
                all_neg = all(math.copysign(1, x) * math.copysign(1, y) < 0 and (x == 0 or y == 0) for x, y in pairs)
                out.append(-0.0 if all_neg else 0.0)
            else:
                out.append(s)
    return out


# ---- driver ---------------------------------------------------------------------------------------

UNARY = {'abs', 'neg', 'floor', 'ceil', 'rint', 'square', 'reciprocal', 'sqrt', 'rsqrt', 'cbrt', 'exp', 'exp2',
         'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh',
         'tanh', 'asinh', 'acosh', 'atanh', 'sigmoid', 'softplus', 'erf', 'erfc'}
BINARY = {'add', 'sub', 'mul', 'div', 'pow', 'atan2', 'maximum', 'minimum', 'mod'}
REDUCTIONS = {'reduce_sum', 'reduce_mean', 'reduce_max', 'reduce_min', 'reduce_prod', 'logsumexp'}


def evaluate(op, dtype, operands):
    fmt = FORMATS[dtype]
    if op in UNARY:
        values = [unary(op, x, fmt) for x in operands[0]]
    elif op in BINARY:
        values = [binary(op, x, y, fmt) for x, y in zip(operands[0], operands[1])]
    elif op in REDUCTIONS:
        values = [reduction(op, operands[0], fmt)]
    elif op == 'softmax':
        values = softmax(operands[0])
    elif op == 'matmul':
        values = matmul(operands[0], operands[1])
    else:
        raise ValueError('unknown op ' + op)
    return [encode(dtype, result(v, fmt)) for v in values]


def main(source, target):
    with open(source) as f, open(target, 'w') as out:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            case, op, dtype = parts[:3]
            try:
                operands = [[decode(dtype, t) for t in p.split(',') if t] for p in parts[3:]]
                out.write('%s %s\n' % (case, ','.join(evaluate(op, dtype, operands))))
            except Exception as e:  # reported per case; the test shows the message
                out.write('%s ERROR %s: %s\n' % (case, type(e).__name__, str(e).replace('\n', ' ')))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
