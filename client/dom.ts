// Tiny DOM helpers: text goes in as text nodes, never as HTML.
export function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

export function show(host: HTMLElement, ...children: (Node | string)[]): void {
  host.replaceChildren(...children);
}
