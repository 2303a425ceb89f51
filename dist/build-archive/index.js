import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as o}from"../chunks/chunk-RL5HG3I7.js";import"../chunks/chunk-IGIEERAL.js";import"../chunks/chunk-4M5ZNOB2.js";import"../chunks/chunk-SX3BRR7Y.js";import{a as r}from"../chunks/chunk-QMDX5PKD.js";import{g as i}from"../chunks/chunk-VJ6BRLB4.js";import"../chunks/chunk-6JHUWM2L.js";await i(o,new r);
//# sourceMappingURL=index.js.map
