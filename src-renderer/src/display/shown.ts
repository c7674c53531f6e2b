/** Is an element shown, given the stored toggles and its default? */
export function isShownByDefault(shown: Readonly<Record<string, boolean>>, id: string, byDefault: boolean | undefined): boolean {
  return shown[id] ?? byDefault ?? true;
}
