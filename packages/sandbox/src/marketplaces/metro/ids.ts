/** Version-4-shaped UUIDs drawn from the sandbox's seeded random source, so seeds repeat exactly. */
export function uuidFrom(random: () => number): string {
  const hex: string[] = [];
  for (let i = 0; i < 32; i++) hex.push(Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Metro order numbers look like `O25-568200129071` (seed:metro-chats). */
export function orderNumberFrom(random: () => number, year: number): string {
  let digits = '';
  for (let i = 0; i < 12; i++) digits += Math.floor(random() * 10).toString();
  return `O${String(year % 100).padStart(2, '0')}-${digits}`;
}
