// The log file the results are about: its name and size above them, and a button that closes it.
import { h } from './dom.mjs';

/**
 * @param {{name: string, size: number}} file
 * @param {object} words  i18n.mjs's words
 * @param {() => void} onClose  the page forgets the file and its results
 */
export function logFileBar(file, words, onClose) {
  return h('div', { class: 'log-file-bar' },
    h('p', { id: 'log-file-name' }, h('strong', {}, `${words.logFileLabel} `), words.logFileName(file.name, file.size)),
    h('button', { type: 'button', id: 'log-close', 'aria-describedby': 'log-file-name', onclick: onClose }, words.logClose));
}
