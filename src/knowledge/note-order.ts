/**
 * The order in which the folder is read (see `loadNoteFiles`): names sorted within each folder, a folder's
 * notes where its name falls among its neighbours. Paths are relative and `/`-separated.
 */
export function compareNotePaths(a: string, b: string): number {
  if (a === b) return 0;
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}
