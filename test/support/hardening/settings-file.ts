/**
 * The file a token most often leaks in: a `.env` with KERNEL_TOKEN on its second line, so a
 * report names `<path>:2:14` (line 2, the column after `KERNEL_TOKEN=`).
 */
export function settingsEnv(token: string): string {
  return `PORT=3000\nKERNEL_TOKEN=${token}\nLOG_LEVEL=info\n`;
}

/** Where settingsEnv's token is reported: `line:column`. */
export const SETTINGS_TOKEN_AT = '2:14';
