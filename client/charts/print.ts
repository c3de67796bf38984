import { Chart } from 'chart.js';

// Printing keeps the numbers: every data table is opened for print (and closed again after, if
// the reader had it closed), and every chart is re-fitted to the printed page's width, so none
// is clipped. Browsers fire `beforeprint`; print emulation and some browsers only change the
// `print` media query, so both are listened to. The state lives on the elements themselves.
const OPENED = 'data-print-opened';

function enterPrint(): void {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details.data-table:not([open])')) {
    details.setAttribute(OPENED, '');
    details.open = true;
  }
  refit();
}

function leavePrint(): void {
  for (const details of document.querySelectorAll<HTMLDetailsElement>(`details[${OPENED}]`)) {
    details.removeAttribute(OPENED);
    details.open = false;
  }
  refit();
}

// Each chart follows its box, whose print width the print stylesheet sets.
function refit(): void {
  for (const chart of Object.values(Chart.instances)) chart.resize();
}

export function followPrinting(): void {
  window.addEventListener('beforeprint', enterPrint);
  window.addEventListener('afterprint', leavePrint);
  window.matchMedia('print').addEventListener('change', (e) => (e.matches ? enterPrint() : leavePrint()));
}
