// ir/shared/float-format.ts: Haskell's `show :: Double -> String` (PRIMITIVES.md §3.3), used by
// prim_showFloat, JSON stringify and the value printer. Digits are exactly GHC's floatToDigits.

/**
 * Formats a double exactly as GHC's `show` does: shortest digits (GHC's choice, see ghcDigits), fixed
 * notation for 0.1 ≤ |x| < 10^7 (and zero), otherwise `d.ddde<exp>`; `NaN`, `Infinity`, `-Infinity`, `-0.0`.
 */
export function showFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x < 0 || Object.is(x, -0)) return '-' + showFloat(-x);
  const { digits, exponent } = floatToDigits(x);
  return exponent >= 0 && exponent <= 7 ? fixed(digits, exponent) : scientific(digits, exponent);
}

// 0 ≤ E ≤ 7: the first E digits (zero-padded) are the integer part; an empty side is written `0`.
function fixed(digits: string, e: number): string {
  const whole = digits.slice(0, e).padEnd(e, '0');
  const frac = digits.slice(e);
  return (whole === '' ? '0' : whole) + '.' + (frac === '' ? '0' : frac);
}

function scientific(digits: string, e: number): string {
  const rest = digits.slice(1);
  return `${digits[0]}.${rest === '' ? '0' : rest}e${e - 1}`;
}

/**
 * GHC's floatToDigits for x ≥ 0: digits d1…dn and E with x = 0.d1…dn × 10^E. JS's shortest digits
 * (toExponential) differ from GHC's in two cases only: GHC excludes the rounding boundaries, so where
 * JS picks a string exactly halfway to the neighbouring double (1e23: JS `1e23`, GHC
 * `9.999999999999999e22`) GHC needs more digits; and on an exact tie for the last digit GHC rounds up
 * (132405809496.453125: JS `…312`, GHC `…313`). Neither can happen for a non-integer below 2^53 whose
 * exact decimal expansion is longer than 19 digits (nearly every double), which takes the fast JS path.
 */
export function floatToDigits(x: number): { digits: string; exponent: number } {
  if (x === 0) return { digits: '0', exponent: 0 };
  const { mantissa, exponent } = decodeFloat(x);
  if (x < 2 ** 53 && exactDecimalLength(x, mantissa, exponent) > 19) return jsDigits(x);
  return ghcDigits(mantissa, exponent);
}

/** floatToDigits without the fast path (always the BigInt port); the tests check the two agree. */
export function floatToDigitsExact(x: number): { digits: string; exponent: number } {
  if (x === 0) return { digits: '0', exponent: 0 };
  const { mantissa, exponent } = decodeFloat(x);
  return ghcDigits(mantissa, exponent);
}

function jsDigits(x: number): { digits: string; exponent: number } {
  const [m = '', e = '0'] = x.toExponential().split('e');
  return { digits: m.replace('.', ''), exponent: Number(e) + 1 };
}

// Haskell's decodeFloat for a positive finite double: x = mantissa × 2^exponent, the mantissa normalised
// to 53 bits (also for subnormals, whose exponent then drops below −1074).
function decodeFloat(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biased !== 0) return { mantissa: mantissa | (1n << 52n), exponent: biased - 1075 };
  let exponent = -1074;
  while (mantissa < 1n << 52n) {
    mantissa <<= 1n;
    exponent--;
  }
  return { mantissa, exponent };
}

// A lower bound on the number of significant digits of x's exact decimal expansion (x < 2^53); an
// integer counts as long, since neither difference can occur for one.
function exactDecimalLength(x: number, mantissa: bigint, exponent: number): number {
  let m = mantissa;
  let e = exponent;
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  if (e >= 0) return Infinity;
  const fractionDigits = -e; // m·2^e with m odd has exactly −e digits after the point
  return x >= 1 ? fractionDigits + 1 : fractionDigits - Math.ceil(-Math.log10(x));
}

const powersOf10: bigint[] = [1n];
const pow10 = (n: number): bigint => {
  while (powersOf10.length <= n) powersOf10.push((powersOf10[powersOf10.length - 1] as bigint) * 10n);
  return powersOf10[n] as bigint;
};

// A direct port of GHC.Float.floatToDigits (base 10, Double: p = 53, minExp = −1074), Burger & Dybvig's
// free-format algorithm with exclusive bounds.
function ghcDigits(f0: bigint, e0: number): { digits: string; exponent: number } {
  const p = 53;
  const minExp = -1021 - p;
  const hidden = 1n << BigInt(p - 1);
  const shift = minExp - e0;
  const f = shift > 0 ? f0 / (1n << BigInt(shift)) : f0;
  const e = shift > 0 ? e0 + shift : e0;
  let r: bigint, s: bigint, mUp: bigint, mDn: bigint;
  if (e >= 0) {
    const be = 1n << BigInt(e);
    if (f === hidden) [r, s, mUp, mDn] = [f * be * 4n, 4n, be * 2n, be];
    else [r, s, mUp, mDn] = [f * be * 2n, 2n, be, be];
  } else if (e > minExp && f === hidden) [r, s, mUp, mDn] = [f * 4n, (1n << BigInt(-e + 1)) * 2n, 2n, 1n];
  else [r, s, mUp, mDn] = [f * 2n, (1n << BigInt(-e)) * 2n, 1n, 1n];
  // k: the estimate from below (8651/28738 just under log10 2), then fixed up.
  const lx = p - 1 + e0;
  const k1 = Math.trunc((lx * 8651) / 28738);
  let k = lx >= 0 ? k1 + 1 : k1;
  while (k >= 0 ? r + mUp > pow10(k) * s : pow10(-k) * (r + mUp) > s) k++;
  if (k >= 0) s *= pow10(k);
  else {
    const bk = pow10(-k);
    [r, mUp, mDn] = [r * bk, mUp * bk, mDn * bk];
  }
  let digits = '';
  for (;;) {
    const t = r * 10n;
    const d = t / s;
    r = t % s;
    mUp *= 10n;
    mDn *= 10n;
    const low = r < mDn;
    const high = r + mUp > s;
    if (!low && !high) {
      digits += d.toString();
      continue;
    }
    const up = low && high ? r * 2n >= s : high; // both possible: the closer one, a tie rounds up
    return { digits: digits + (up ? d + 1n : d).toString(), exponent: k };
  }
}
