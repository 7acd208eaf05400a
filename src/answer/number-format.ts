/**
 * Numbers as a locale writes them, with at most `digits` decimals (vi 3.611,46; en 3,611.46):
 * what Intl.NumberFormat with maximumFractionDigits gives, written out because a reply formats
 * a dozen numbers and Intl's call was a twentieth of the answer path. Like Intl, a number is
 * rounded as its shortest decimal form reads (1.005 to two decimals is 1.01), half away from 0.
 */
export type NumberLocale = 'vi' | 'en';

const SEPARATORS = { vi: ['.', ','], en: [',', '.'] } as const;
const INTL = { vi: 'vi-VN', en: 'en-US' } as const;
const intlFormats = new Map<string, Intl.NumberFormat>();

/** Intl itself, for the forms the fast way does not read (1e-7, 1e21). */
function byIntl(n: number, digits: number, locale: NumberLocale): string {
  const key = `${locale}${digits}`;
  let format = intlFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: digits });
    intlFormats.set(key, format);
  }
  return format.format(n);
}

/** Whole and fraction digits of a plain decimal string, rounded to `digits` half up. */
function rounded(decimal: string, digits: number): [string, string] {
  const [whole, fraction = ''] = decimal.split('.') as [string, string?];
  if (fraction.length <= digits) return [whole, fraction];
  const kept = whole + fraction.slice(0, digits);
  if (fraction.charCodeAt(digits) < 53) return [whole, fraction.slice(0, digits)];
  const out = kept.split('');
  let i = out.length - 1;
  for (; i >= 0 && out[i] === '9'; i--) out[i] = '0';
  if (i >= 0) out[i] = String(Number(out[i]) + 1);
  const all = (i < 0 ? '1' : '') + out.join('');
  return [all.slice(0, all.length - digits), all.slice(all.length - digits)];
}

export function formatNumber(n: number, digits: number, locale: NumberLocale): string {
  const decimal = String(Math.abs(n));
  if (!Number.isFinite(n) || decimal.includes('e')) return byIntl(n, digits, locale);
  const [group, point] = SEPARATORS[locale];
  const [whole, fraction] = rounded(decimal, digits);
  const kept = fraction.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${grouped}${kept ? point + kept : ''}`;
}
