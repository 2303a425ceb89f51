/* global document, fetch */
// Servin Desktop web view: lists containers and VMs reported by the servin daemon.
'use strict';
async function refresh() {
  const response = await fetch('servin://api/v1/summary');
  const summary = await response.json();
  for (const [id, items] of [['containers', summary.containers], ['vms', summary.vms]]) {
    const list = document.querySelector(`#${id} ul`);
    list.replaceChildren(...items.map((item) => Object.assign(document.createElement('li'), { textContent: item.name })));
  }
}
refresh();
