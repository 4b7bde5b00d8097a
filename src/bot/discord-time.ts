// Times in Discord messages as Discord timestamps: each reader sees the moment in their own time
// zone (and "3 minutes ago" stays true as the message ages), and no hash or UTC sum is needed.

export type TimeStyle = 'f' | 't' | 'R' | 'd';

/** `<t:…:f>` ("2 December 2026 02:31"), `:t` (02:31), `:R` ("3 minutes ago"), `:d` (02/12/2026). */
export function discordTime(at: Date | string | number, style: TimeStyle = 'f'): string {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : at;
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}
