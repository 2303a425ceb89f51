import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as t}from"../chunks/chunk-7ZQJHSK3.js";import{a as i}from"../chunks/chunk-QMDX5PKD.js";import{g as o}from"../chunks/chunk-VJ6BRLB4.js";import"../chunks/chunk-6JHUWM2L.js";await o(t,new i);
//# sourceMappingURL=index.js.map
