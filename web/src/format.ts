// Owns display formatting: token amounts, addresses, durations, times.
import { formatUnits, type Address } from 'viem';

export function jns(wei: bigint, digits = 4): string {
  return `${amount(wei, digits)} JNS`;
}

export function eth(wei: bigint, digits = 4): string {
  return `${amount(wei, digits)} ETH`;
}

export function amount(wei: bigint, digits = 4): string {
  const s = formatUnits(wei, 18);
  const [i, f = ''] = s.split('.');
  const frac = f.slice(0, digits).replace(/0+$/, '');
  const int = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${int}.${frac}` : int;
}

export function short(a: Address | string): string {
  return a.length > 12 ? `${a.slice(0, 6)}…${a.slice(-4)}` : a;
}

export function bps(b: number | bigint): string {
  return `${(Number(b) / 100).toFixed(2)} %`;
}

export function duration(seconds: number): string {
  if (seconds <= 0) return '0 s';
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const parts = [d && `${d} d`, h && `${h} h`, m && `${m} min`, `${s} s`].filter(Boolean);
  return parts.slice(0, 3).join(' ');
}

export function time(unixSeconds: number | bigint): string {
  return new Date(Number(unixSeconds) * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}
