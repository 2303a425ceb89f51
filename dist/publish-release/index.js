import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{c as i}from"../chunks/chunk-OENHED3H.js";import"../chunks/chunk-SX3BRR7Y.js";import{a as r}from"../chunks/chunk-QMDX5PKD.js";import{g as o}from"../chunks/chunk-VJ6BRLB4.js";import"../chunks/chunk-6JHUWM2L.js";await o(i,new r);
//# sourceMappingURL=index.js.map
