import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as i}from"../chunks/chunk-E2XIFGMG.js";import"../chunks/chunk-3CQSAHYV.js";import"../chunks/chunk-DBL745DU.js";import{a as m}from"../chunks/chunk-QMDX5PKD.js";import{g as o}from"../chunks/chunk-VJ6BRLB4.js";import"../chunks/chunk-6JHUWM2L.js";await o(i,new m);
//# sourceMappingURL=index.js.map
