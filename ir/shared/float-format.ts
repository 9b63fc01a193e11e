// ir/shared/float-format.ts: Haskell's `show :: Double -> String` (PRIMITIVES.md §3.3), used by
// prim_showFloat, JSON stringify and the value printer.

/**
 * Formats a double exactly as GHC's `show` does: shortest round-trip digits, fixed notation for
 * 0.1 ≤ |x| < 10^7 (and zero), otherwise `d.ddde<exp>`; `NaN`, `Infinity`, `-Infinity`, `-0.0`.
 */
export function showFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x < 0 || Object.is(x, -0)) return '-' + showFloat(-x);
  const { digits, exponent } = shortestDigits(x);
  return exponent >= 0 && exponent <= 7 ? fixed(digits, exponent) : scientific(digits, exponent);
}

// Digits d1…dn and E with x = 0.d1…dn × 10^E (GHC's floatToDigits). JS's toExponential() with no
// argument yields the shortest digit string that reads back as x, the same digits GHC chooses.
function shortestDigits(x: number): { digits: string; exponent: number } {
  if (x === 0) return { digits: '0', exponent: 0 };
  const [mantissa = '', exp = '0'] = x.toExponential().split('e');
  return { digits: mantissa.replace('.', ''), exponent: Number(exp) + 1 };
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
