export interface RegexCounter {
  calls: number;
  chars: number;
  patterns: Set<string>;
}
export function instrumentRegExp(): { counter: RegexCounter; restore: () => void };
