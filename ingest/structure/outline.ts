import type { OutlineNode, Structure } from '../types.js';

/** A compact tree (Phần › Chương › Mục › Điều, or plan sections) for previews in the console. */
export function outline(s: Structure): OutlineNode[] {
  const root: OutlineNode[] = [];
  const childrenOf = (path: string[]): OutlineNode[] => {
    let level = root;
    for (const label of path) {
      let node = level.find((n) => n.label === label);
      if (!node) {
        node = { label, children: [] };
        level.push(node);
      }
      // A plan section can be a leaf and, further on, the parent of numbered sections.
      level = node.children ??= [];
    }
    return level;
  };
  if (s.kind === 'legal') {
    for (const a of s.articles) childrenOf(a.path).push({ label: `Điều ${a.label}`, title: a.title });
  } else {
    for (const sec of s.sections) childrenOf(sec.path).push({ label: sec.heading });
  }
  return root;
}
