// DOM building with text only: pasted text and knowledge-base strings never reach innerHTML.

/**
 * Creates an element. `attrs` keys starting with "on" add listeners; "dataset" and "aria" are objects.
 * Children are nodes or strings (strings become text nodes).
 * @param {string} tag
 * @param {object} [attrs]
 * @param {...(Node|string|null|undefined|false)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (nodes or strings) to a parent. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Removes every child of a node. */
export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
}
